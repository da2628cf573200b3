package se.alfmonitor.assessment.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import se.alfmonitor.contract.problem.FieldError;
import se.alfmonitor.contract.problem.ProblemMappers;

/**
 * Reads a rule set and compiles every expression once. A rule set is only ever used complete: any problem (an
 * expression that does not compile, is not of type {@code bool} or fails on an empty submission, an item, option code
 * or year its questionnaire version does not have, a level missing or given twice) makes the whole of it unusable.
 * Every problem is found in one pass, so that an upload is refused with all of them at once.
 */
public final class RuleSetCompiler {

    /** The minimum levels a rule set decides, numbered 1 to 27. */
    public static final int LEVELS = 27;
    private static final Set<String> AREAS = Set.of("GENERAL", "RESEARCH", "EDUCATION", "DEVELOPMENT");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern FLAG_CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
    /** What every expression must give a bool for: a submission with no answers, of a unit the registry lacks. */
    private static final Map<String, Object> EMPTY = Map.of("answers", Map.of(), "unit", Map.of());

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final CelCompiler COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addVar("answers", MapType.create(SimpleType.STRING, SimpleType.DYN))
            .addVar("unit", MapType.create(SimpleType.STRING, SimpleType.DYN))
            .setResultType(SimpleType.BOOL)
            .build();
    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();

    private RuleSetCompiler() {
    }

    /**
     * A rule set document checked and, when it has no problem, compiled.
     *
     * @param ruleSet null when there are problems
     * @param problems every problem found, each with a JSON Pointer into the document
     */
    public record Checked(CompiledRuleSet ruleSet, List<FieldError> problems) {
    }

    /** Loads {@code rule-sets/<fileName>} from the class path. */
    public static CompiledRuleSet fromClasspath(String fileName) {
        String resource = "rule-sets/" + fileName;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Rule set " + resource + " is not on the class path");
            }
            return compile(in, resource);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read rule set " + resource, e);
        }
    }

    /** Loads a rule set file an operator placed outside the application. */
    public static CompiledRuleSet fromFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return compile(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read rule set " + file, e);
        }
    }

    static CompiledRuleSet compile(InputStream in, String name) throws IOException {
        if (!(JSON.readTree(in) instanceof ObjectNode document)) {
            throw new IllegalStateException("Rule set " + name + " is not a JSON object");
        }
        Checked checked = check(document);
        if (!checked.problems().isEmpty()) {
            throw new IllegalStateException("Rule set " + name + " (version " + document.path("version").asText()
                    + ") is not usable: " + String.join("; ", checked.problems().stream()
                            .map(FieldError::message).toList()));
        }
        return checked.ruleSet();
    }

    /** Checks a rule set document in the shipped format and compiles it if it has no problem. */
    public static Checked check(ObjectNode document) {
        List<FieldError> problems = new ArrayList<>();
        RuleSetDefinition definition;
        try {
            definition = JSON.treeToValue(document, RuleSetDefinition.class);
        } catch (JsonMappingException e) {
            return new Checked(null, List.of(new FieldError("WRONG_TYPE", pointer(e), e.getOriginalMessage())));
        } catch (IOException e) {
            return new Checked(null, List.of(new FieldError("WRONG_TYPE", "/", e.getMessage())));
        }
        if (definition.version() == null || definition.version().isBlank()) {
            problems.add(new FieldError("REQUIRED_MISSING", "/version", "the rule set needs a version"));
        } else if (!VERSION.matcher(definition.version()).matches()) {
            problems.add(new FieldError("INVALID_VERSION", "/version",
                    "a version is 1 to 64 letters, digits, '.', '_' or '-'"));
        }
        QuestionnaireItems items = null;
        if (definition.questionnaire() == null || definition.questionnaire().key() == null
                || definition.questionnaire().version() == null) {
            problems.add(new FieldError("REQUIRED_MISSING", "/questionnaire",
                    "the rule set needs the questionnaire key and version it reads"));
        } else {
            items = QuestionnaireItems.of(definition.questionnaire().key(), definition.questionnaire().version())
                    .orElse(null);
            if (items == null) {
                problems.add(new FieldError("UNKNOWN_QUESTIONNAIRE", "/questionnaire", "there is no questionnaire "
                        + definition.questionnaire().key() + " version " + definition.questionnaire().version()));
            }
        }
        if (definition.levels() == null || definition.levels().isEmpty()) {
            problems.add(new FieldError("REQUIRED_MISSING", "/levels", "the rule set has no levels"));
            return new Checked(null, problems);
        }
        List<CompiledRuleSet.CompiledLevel> levels = new ArrayList<>();
        Set<Integer> missing = new TreeSet<>();
        for (int n = 1; n <= LEVELS; n++) {
            missing.add(n);
        }
        for (int i = 0; i < definition.levels().size(); i++) {
            RuleSetDefinition.LevelRule rule = definition.levels().get(i);
            if (rule == null) {
                problems.add(new FieldError("REQUIRED_MISSING", "/levels/" + i, "level " + i + " is null"));
                continue;
            }
            levels.add(level(rule, "/levels/" + i, items, missing, problems));
        }
        missing.forEach(n -> problems.add(new FieldError("LEVEL_MISSING", "/levels", "level " + n + " is missing")));
        if (!problems.isEmpty()) {
            return new Checked(null, List.copyOf(problems));
        }
        return new Checked(new CompiledRuleSet(definition, document, List.copyOf(levels),
                OptionLabels.of(definition.questionnaire().key(), definition.questionnaire().version())), List.of());
    }

    private static CompiledRuleSet.CompiledLevel level(RuleSetDefinition.LevelRule rule, String at,
            QuestionnaireItems items, Set<Integer> missing, List<FieldError> problems) {
        int number = rule.number();
        if (number < 1 || number > LEVELS) {
            problems.add(new FieldError("LEVEL_UNKNOWN", at + "/number",
                    "level " + number + " is not one of the minimum levels 1 to " + LEVELS));
        } else if (!missing.remove(number)) {
            problems.add(new FieldError("LEVEL_DUPLICATE", at + "/number", "level " + number + " appears twice"));
        }
        if (rule.area() == null || !AREAS.contains(rule.area())) {
            problems.add(new FieldError("INVALID_AREA", at + "/area",
                    "level " + number + " has area " + rule.area() + ", not one of "
                            + AREAS.stream().sorted().toList()));
        }
        if (rule.items() == null || rule.items().isEmpty()) {
            problems.add(new FieldError("REQUIRED_MISSING", at + "/items", "level " + number + " names no items"));
        } else if (items != null) {
            for (int k = 0; k < rule.items().size(); k++) {
                if (items.item(rule.items().get(k)).isEmpty()) {
                    problems.add(new FieldError("UNKNOWN_ITEM", at + "/items/" + k, "level " + number
                            + " names item " + rule.items().get(k) + ", which the questionnaire does not have"));
                }
            }
        }
        if (rule.review() != null && (rule.items() == null || !rule.items().contains(rule.review().item()))) {
            problems.add(new FieldError("REVIEW_ITEM_NOT_READ", at + "/review/item", "level " + number
                    + " reviews item " + rule.review().item() + " which it does not read"));
        }
        CelRuntime.Program met = program(number, "met", rule.met(), at + "/met", items, problems);
        CelRuntime.Program notApplicable = rule.notApplicable() == null ? null
                : program(number, "notApplicable", rule.notApplicable(), at + "/notApplicable", items, problems);
        List<CompiledRuleSet.CompiledFlag> flags = new ArrayList<>();
        List<RuleSetDefinition.Flag> declared = rule.flagsOrEmpty();
        for (int j = 0; j < declared.size(); j++) {
            RuleSetDefinition.Flag flag = declared.get(j);
            if (flag == null || flag.code() == null || !FLAG_CODE.matcher(flag.code()).matches() || flag.sv() == null
                    || flag.en() == null) {
                problems.add(new FieldError("INVALID_FLAG", at + "/flags/" + j,
                        "level " + number + " has a flag without an upper-case code or texts"));
                continue;
            }
            flags.add(new CompiledRuleSet.CompiledFlag(flag,
                    program(number, "flag " + flag.code(), flag.when(), at + "/flags/" + j + "/when", items,
                            problems)));
        }
        return new CompiledRuleSet.CompiledLevel(rule, met, notApplicable, List.copyOf(flags));
    }

    private static CelRuntime.Program program(int level, String field, String expression, String pointer,
            QuestionnaireItems items, List<FieldError> problems) {
        if (expression == null || expression.isBlank()) {
            problems.add(new FieldError("REQUIRED_MISSING", pointer, "level " + level + " has no " + field
                    + " expression"));
            return null;
        }
        try {
            CelAbstractSyntaxTree ast = COMPILER.compile(expression).getAst();
            // setResultType accepts dyn, which could still yield a non-bool at run time
            if (!SimpleType.BOOL.equals(ast.getResultType())) {
                problems.add(new FieldError("EXPRESSION_NOT_BOOL", pointer, "level " + level + " " + field
                        + " is of type " + ast.getResultType() + ", not bool"));
                return null;
            }
            if (items != null) {
                List<FieldError> references = new ArrayList<>();
                ExpressionReferences.check(ast.getExpr(), items, pointer, references);
                references.forEach(r -> problems.add(new FieldError(r.code(), r.pointer(),
                        "level " + level + " " + field + " " + r.message())));
            }
            CelRuntime.Program program = RUNTIME.createProgram(ast);
            if (!(program.eval(EMPTY) instanceof Boolean)) {
                problems.add(new FieldError("EXPRESSION_FAILS", pointer, "level " + level + " " + field
                        + " gives no bool for a submission without answers"));
            }
            return program;
        } catch (CelValidationException e) {
            problems.add(new FieldError("EXPRESSION_INVALID", pointer, "level " + level + " " + field
                    + " does not compile: " + e.getMessage()));
            return null;
        } catch (CelEvaluationException e) {
            problems.add(new FieldError("EXPRESSION_FAILS", pointer, "level " + level + " " + field
                    + " fails on a submission without answers: " + e.getMessage()));
            return null;
        }
    }

    private static String pointer(JsonMappingException e) {
        return ProblemMappers.pointerOf(e.getPath());
    }
}
