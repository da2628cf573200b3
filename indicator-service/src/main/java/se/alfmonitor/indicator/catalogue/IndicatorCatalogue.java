package se.alfmonitor.indicator.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
 * The indicator catalogue as data ({@code indicators/catalogue-v<n>.json}): definitions whose numerators and
 * denominators are CEL expressions over named inputs, compiled once when the catalogue is loaded so that a broken
 * formula stops the service at start instead of at the first event.
 */
public final class IndicatorCatalogue {

    private static final CelCompiler COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
            .addVar("inputs", MapType.create(SimpleType.STRING, SimpleType.DYN))
            .addVar("study", MapType.create(SimpleType.STRING, SimpleType.DYN))
            .addVar("period", SimpleType.STRING)
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .setResultType(SimpleType.DYN)
            .build();
    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();

    private final String version;
    private final Map<String, Compiled> indicators;

    private IndicatorCatalogue(String version, Map<String, Compiled> indicators) {
        this.version = version;
        this.indicators = indicators;
    }

    /** Loads and compiles a catalogue; templates with {@code forEach} expand to one indicator per value. */
    public static IndicatorCatalogue load(InputStream json, ObjectMapper mapper) {
        try {
            JsonNode root = mapper.readTree(json);
            String version = root.path("version").asText();
            Map<String, Compiled> compiled = new LinkedHashMap<>();
            for (JsonNode entry : root.path("indicators")) {
                for (JsonNode expanded : expand((ObjectNode) entry, mapper)) {
                    ObjectNode definitionNode = ((ObjectNode) expanded).put("version", version);
                    IndicatorDefinition definition = mapper.treeToValue(definitionNode, IndicatorDefinition.class);
                    if (compiled.containsKey(definition.code())) {
                        throw new IllegalStateException("Duplicate indicator " + definition.code());
                    }
                    compiled.put(definition.code(), compile(definition));
                }
            }
            checkGroupSizes(compiled);
            return new IndicatorCatalogue(version, compiled);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the indicator catalogue", e);
        }
    }

    /** A group size names an indicator of the catalogue that counts units in its denominator. */
    private static void checkGroupSizes(Map<String, Compiled> compiled) {
        for (Compiled indicator : compiled.values()) {
            IndicatorDefinition.GroupSize groupSize = indicator.definition().groupSize();
            if (groupSize == null) {
                continue;
            }
            Compiled counter = compiled.get(groupSize.denominatorOf());
            if (counter == null || counter.definition().isCount() || counter.definition().groupSize() == null
                    || !counter.definition().code().equals(counter.definition().groupSize().denominatorOf())) {
                throw new IllegalStateException(indicator.definition().code() + " takes its group size from "
                        + groupSize.denominatorOf() + ", which is not a share of units counting them in its"
                        + " denominator");
            }
        }
    }

    private static List<JsonNode> expand(ObjectNode entry, ObjectMapper mapper) throws IOException {
        JsonNode forEach = entry.remove("forEach");
        if (forEach == null) {
            return List.of(entry);
        }
        String placeholder = "{" + forEach.path("name").asText() + "}";
        String template = mapper.writeValueAsString(entry);
        List<JsonNode> expanded = new ArrayList<>();
        for (JsonNode value : (ArrayNode) forEach.path("values")) {
            expanded.add(mapper.readTree(template.replace(placeholder, value.asText())));
        }
        return expanded;
    }

    private static Compiled compile(IndicatorDefinition definition) {
        if (definition.formula() == null || definition.formula().numerator() == null) {
            throw new IllegalStateException(definition.code() + " has no numerator formula");
        }
        return new Compiled(definition, program(definition, definition.formula().numerator()),
                definition.formula().denominator() == null ? null
                        : program(definition, definition.formula().denominator()),
                definition.studySelection() == null ? null : program(definition, definition.studySelection()));
    }

    private static CelRuntime.Program program(IndicatorDefinition definition, String expression) {
        try {
            CelAbstractSyntaxTree ast = COMPILER.compile(expression).getAst();
            return RUNTIME.createProgram(ast);
        } catch (CelValidationException | CelEvaluationException e) {
            throw new IllegalStateException("Formula of " + definition.code() + " does not compile: " + expression
                    + ": " + e.getMessage(), e);
        }
    }

    public String version() {
        return version;
    }

    public List<IndicatorDefinition> definitions() {
        return indicators.values().stream().map(Compiled::definition).toList();
    }

    public List<Compiled> byFeed(String feed) {
        return indicators.values().stream().filter(c -> feed.equals(c.definition().feed())).toList();
    }

    public Optional<Compiled> find(String code) {
        return Optional.ofNullable(indicators.get(code));
    }

    /** An indicator with its compiled formulas. */
    public record Compiled(IndicatorDefinition definition, CelRuntime.Program numerator,
            CelRuntime.Program denominator, CelRuntime.Program selection) {

        /**
         * Numerator and denominator for one org unit's inputs, or empty when the inputs lack what the formula needs
         * (a "no data" answer): such an org unit is left out of both and counted as not covered.
         */
        public Optional<Parts> evaluate(Map<String, Object> inputs) {
            Map<String, Object> vars = Map.of("inputs", CelValues.normalize(inputs));
            try {
                BigDecimal n = CelValues.toDecimal(numerator.eval(vars));
                BigDecimal d = denominator == null ? null : CelValues.toDecimal(denominator.eval(vars));
                return Optional.of(new Parts(n, d));
            } catch (CelEvaluationException | IllegalArgumentException e) {
                return Optional.empty();
            }
        }

        /** Whether a study record meets the indicator's study selection in the period. */
        public boolean selects(Map<String, Object> study, String period) {
            if (selection == null) {
                return true;
            }
            try {
                return Boolean.TRUE.equals(selection.eval(Map.of("study", CelValues.normalize(study), "period", period)));
            } catch (CelEvaluationException e) {
                return false;
            }
        }
    }

    /** @param denominator null for count indicators */
    public record Parts(BigDecimal numerator, BigDecimal denominator) {
    }

    /** CEL's runtime wants Long for integers and Double for fractions, and no nulls. */
    static final class CelValues {

        private CelValues() {
        }

        static Map<String, Object> normalize(Map<String, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                Object value = value(v);
                if (value != null) {
                    out.put(k, value);
                }
            });
            return out;
        }

        @SuppressWarnings("unchecked")
        static Object value(Object v) {
            if (v == null) {
                return null;
            }
            if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
                return ((Number) v).longValue();
            }
            if (v instanceof BigInteger b) {
                return b.longValueExact();
            }
            if (v instanceof BigDecimal b) {
                return b.stripTrailingZeros().scale() <= 0 ? (Object) b.longValueExact() : (Object) b.doubleValue();
            }
            if (v instanceof Float f) {
                return f.doubleValue();
            }
            if (v instanceof Map<?, ?> m) {
                return normalize((Map<String, ?>) m);
            }
            if (v instanceof List<?> l) {
                return l.stream().map(CelValues::value).filter(x -> x != null).toList();
            }
            return v;
        }

        static BigDecimal toDecimal(Object result) {
            if (result instanceof Long l) {
                return BigDecimal.valueOf(l);
            }
            if (result instanceof Double d) {
                if (d.isNaN() || d.isInfinite()) {
                    throw new IllegalArgumentException("Not a number: " + d);
                }
                BigDecimal decimal = BigDecimal.valueOf(d);
                // a whole double is a count; keep it as one so that 3.0 and 3 compare and print alike
                return decimal.stripTrailingZeros().scale() <= 0 ? decimal.setScale(0) : decimal;
            }
            if (result instanceof Number n) {
                return new BigDecimal(n.toString());
            }
            throw new IllegalArgumentException("Formula result is not a number: " + result);
        }
    }
}
