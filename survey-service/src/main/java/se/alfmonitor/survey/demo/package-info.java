/**
 * Demo data: at startup with {@code alf.demo-data.enabled}, {@code DemoDataLoader} registers the demo registry
 * ({@code DemoRegistry}, as {@code api.units.UnitDto}s an administrator would send) and submits
 * {@code DemoAnswers} through the services of {@code units} and {@code submissions}, so its events flow as in real use.
 */
package se.alfmonitor.survey.demo;
