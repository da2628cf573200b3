package se.alfmonitor.assessment.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
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

/**
 * Reads a rule set file and compiles every expression once. Any expression that does not compile, or whose type is
 * not {@code bool}, makes the whole rule set unusable: a rule set is only ever used complete.
 */
public final class RuleSetCompiler {

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
        ObjectNode document = (ObjectNode) JSON.readTree(in);
        RuleSetDefinition definition = JSON.treeToValue(document, RuleSetDefinition.class);
        List<String> problems = new ArrayList<>();
        if (definition.version() == null || definition.questionnaire() == null || definition.levels() == null
                || definition.levels().isEmpty()) {
            throw new IllegalStateException("Rule set " + name + " needs version, questionnaire and levels");
        }
        List<CompiledRuleSet.CompiledLevel> levels = new ArrayList<>();
        Set<Integer> numbers = new HashSet<>();
        for (RuleSetDefinition.LevelRule rule : definition.levels()) {
            if (!numbers.add(rule.number())) {
                problems.add("level " + rule.number() + " appears twice");
            }
            if (rule.items() == null || rule.items().isEmpty()) {
                problems.add("level " + rule.number() + " names no items");
            }
            if (rule.review() != null && (rule.items() == null || !rule.items().contains(rule.review().item()))) {
                problems.add("level " + rule.number() + " reviews item " + rule.review().item()
                        + " which it does not read");
            }
            CelRuntime.Program met = program(rule.number(), "met", rule.met(), problems);
            CelRuntime.Program notApplicable = rule.notApplicable() == null ? null
                    : program(rule.number(), "notApplicable", rule.notApplicable(), problems);
            List<CompiledRuleSet.CompiledFlag> flags = new ArrayList<>();
            for (RuleSetDefinition.Flag flag : rule.flagsOrEmpty()) {
                if (flag.code() == null || !flag.code().matches("[A-Z][A-Z0-9_]*") || flag.sv() == null
                        || flag.en() == null) {
                    problems.add("level " + rule.number() + " has a flag without an upper-case code or texts");
                }
                flags.add(new CompiledRuleSet.CompiledFlag(flag,
                        program(rule.number(), "flag " + flag.code(), flag.when(), problems)));
            }
            levels.add(new CompiledRuleSet.CompiledLevel(rule, met, notApplicable, List.copyOf(flags)));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Rule set " + name + " (version " + definition.version()
                    + ") is not usable: " + String.join("; ", problems));
        }
        return new CompiledRuleSet(definition, document, List.copyOf(levels),
                OptionLabels.of(definition.questionnaire().key(), definition.questionnaire().version()));
    }

    private static CelRuntime.Program program(int level, String field, String expression, List<String> problems) {
        if (expression == null || expression.isBlank()) {
            problems.add("level " + level + " has no " + field + " expression");
            return null;
        }
        try {
            CelAbstractSyntaxTree ast = COMPILER.compile(expression).getAst();
            // setResultType accepts dyn, which could still yield a non-bool at run time
            if (!SimpleType.BOOL.equals(ast.getResultType())) {
                problems.add("level " + level + " " + field + " is of type " + ast.getResultType() + ", not bool");
                return null;
            }
            return RUNTIME.createProgram(ast);
        } catch (CelValidationException e) {
            problems.add("level " + level + " " + field + " does not compile: " + e.getMessage());
            return null;
        } catch (CelEvaluationException e) {
            problems.add("level " + level + " " + field + " cannot be planned: " + e.getMessage());
            return null;
        }
    }
}
