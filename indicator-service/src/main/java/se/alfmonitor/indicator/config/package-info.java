/**
 * Configuration of the service: {@code IndicatorConfig} ({@code alf.indicators.*}) and the Jackson customisation that
 * skips the explanations of assessment events while they are parsed. Used by every other package; uses none.
 */
package se.alfmonitor.indicator.config;
