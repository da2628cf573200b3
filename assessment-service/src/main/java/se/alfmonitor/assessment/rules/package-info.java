/**
 * The minimum levels as data: rule set files (shipped on the class path or from an operator's directory) compiled once
 * at start ({@code RuleSetCompiler}, {@code CompiledRuleSet}), which one is in force per questionnaire version
 * ({@code RuleSets} and its activation entity), and the one engine that evaluates a level's CEL expressions and
 * explains the outcome ({@code CelLevelEvaluator}, with {@code LevelExplanation}). Knows nothing of stored
 * assessments; it names a review's status ({@code review.ReviewStatus}) in the decisions it is given.
 */
package se.alfmonitor.assessment.rules;
