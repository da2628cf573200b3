/**
 * The minimum levels as data: rule set files (shipped on the class path or from an operator's directory) compiled once
 * at start ({@code RuleSetCompiler}, {@code CompiledRuleSet}), which one is in force per questionnaire version
 * ({@code RuleSets} and its activation entity), candidates uploaded over the API as drafts, replaced, deleted and
 * published ({@code RuleSetLifecycle} and its entity), the checks of a rule set against its questionnaire version
 * ({@code ExpressionReferences}, {@code QuestionnaireItems}; problems as alf-contract's {@code FieldError}), the
 * differences between two ({@code RuleSetDiff}), and the one engine that evaluates a level's CEL expressions and
 * explains the outcome ({@code CelLevelEvaluator}, with {@code LevelExplanation}). Knows nothing of stored
 * assessments; it names a review's status ({@code review.ReviewStatus}) in the decisions it is given.
 */
package se.alfmonitor.assessment.rules;
