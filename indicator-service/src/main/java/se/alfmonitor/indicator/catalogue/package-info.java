/**
 * The indicator catalogue as data: the definitions read from the class-path JSON of the version in force, their CEL
 * formulas and study selections compiled once at start, and the evaluation of a formula over named inputs to a
 * numerator and a denominator. Depends only on {@code config}.
 */
package se.alfmonitor.indicator.catalogue;
