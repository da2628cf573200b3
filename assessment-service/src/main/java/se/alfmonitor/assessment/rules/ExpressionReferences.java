package se.alfmonitor.assessment.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import se.alfmonitor.contract.problem.FieldError;

/**
 * Checks what a compiled expression reads of {@code answers} against the questionnaire version: every item id it
 * names exists, every option code it compares an item's answer with is one of that item's, and every year it reads
 * of a yearly item is one the item asks for. A rule that names a misspelt item or code compiles and runs, and is then
 * quietly never met; this is what the CEL type checker cannot see, as answers are {@code map(string, dyn)}.
 *
 * <p>The forms recognised are those rules are written in: {@code answers['x']}, {@code 'x' in answers},
 * {@code answers['x'] == 'CODE'} (and {@code !=}), {@code answers['x'] in ['A', 'B']},
 * {@code answers['x'].exists(c, c in ['A'])} (any comprehension over the item and comparisons of its variable),
 * {@code answers['x']['2021']} and {@code '2021' in answers['x']}.
 */
final class ExpressionReferences {

    private static final String ANSWERS = "answers";

    private final QuestionnaireItems items;
    private final String pointer;
    private final List<FieldError> problems;

    private ExpressionReferences(QuestionnaireItems items, String pointer, List<FieldError> problems) {
        this.items = items;
        this.pointer = pointer;
        this.problems = problems;
    }

    /** Adds a problem for every unknown item, option code and year {@code expr} names; pointer names the field. */
    static void check(CelExpr expr, QuestionnaireItems items, String pointer, List<FieldError> problems) {
        new ExpressionReferences(items, pointer, problems).visit(expr, null, null);
    }

    /**
     * @param loopVar the variable of an enclosing comprehension over one item's answer, or null
     * @param loopItem that item
     */
    private void visit(CelExpr expr, String loopVar, String loopItem) {
        switch (expr.getKind()) {
            case CALL -> call(expr.call(), loopVar, loopItem);
            case COMPREHENSION -> {
                CelExpr.CelComprehension c = expr.comprehension();
                visit(c.iterRange(), loopVar, loopItem);
                Optional<String> item = itemOf(c.iterRange());
                String var = item.isPresent() ? c.iterVar() : loopVar;
                String over = item.isPresent() ? item.get() : loopItem;
                visit(c.accuInit(), loopVar, loopItem);
                visit(c.loopCondition(), var, over);
                visit(c.loopStep(), var, over);
                visit(c.result(), loopVar, loopItem);
            }
            case LIST -> expr.list().elements().forEach(e -> visit(e, loopVar, loopItem));
            case SELECT -> visit(expr.select().operand(), loopVar, loopItem);
            case MAP -> expr.map().entries().forEach(e -> {
                visit(e.key(), loopVar, loopItem);
                visit(e.value(), loopVar, loopItem);
            });
            default -> {
                // constants and identifiers name nothing on their own
            }
        }
    }

    private void call(CelExpr.CelCall call, String loopVar, String loopItem) {
        List<CelExpr> args = call.args();
        call.target().ifPresent(t -> visit(t, loopVar, loopItem));
        switch (call.function()) {
            case "_[_]" -> {
                if (isAnswers(args.get(0))) {
                    string(args.get(1)).ifPresent(this::requireItem);
                } else {
                    itemOf(args.get(0)).ifPresent(item -> string(args.get(1)).ifPresent(y -> requireYear(item, y)));
                }
            }
            case "@in" -> {
                if (isAnswers(args.get(1))) {
                    string(args.get(0)).ifPresent(this::requireItem);
                } else {
                    itemOf(args.get(1)).ifPresent(item -> string(args.get(0)).ifPresent(y -> requireYear(item, y)));
                    answerItem(args.get(0), loopVar, loopItem).ifPresent(item -> listed(args.get(1))
                            .forEach(code -> requireOption(item, code)));
                }
            }
            case "_==_", "_!=_" -> {
                answerItem(args.get(0), loopVar, loopItem)
                        .ifPresent(item -> string(args.get(1)).ifPresent(code -> requireOption(item, code)));
                answerItem(args.get(1), loopVar, loopItem)
                        .ifPresent(item -> string(args.get(0)).ifPresent(code -> requireOption(item, code)));
            }
            default -> {
                // other functions are checked through their arguments only
            }
        }
        args.forEach(a -> visit(a, loopVar, loopItem));
    }

    /** The item whose answer (or a year of it, or an element of it in a comprehension) {@code expr} is. */
    private static Optional<String> answerItem(CelExpr expr, String loopVar, String loopItem) {
        if (loopVar != null && expr.getKind() == CelExpr.ExprKind.Kind.IDENT && expr.ident().name().equals(loopVar)) {
            return Optional.of(loopItem);
        }
        Optional<String> item = itemOf(expr);
        if (item.isPresent()) {
            return item;
        }
        if (expr.getKind() == CelExpr.ExprKind.Kind.CALL && expr.call().function().equals("_[_]")) {
            return itemOf(expr.call().args().get(0));
        }
        return Optional.empty();
    }

    /** The item of {@code answers['x']}. */
    private static Optional<String> itemOf(CelExpr expr) {
        if (expr.getKind() == CelExpr.ExprKind.Kind.CALL && expr.call().function().equals("_[_]")
                && isAnswers(expr.call().args().get(0))) {
            return string(expr.call().args().get(1));
        }
        return Optional.empty();
    }

    private static boolean isAnswers(CelExpr expr) {
        return expr.getKind() == CelExpr.ExprKind.Kind.IDENT && expr.ident().name().equals(ANSWERS);
    }

    private static Optional<String> string(CelExpr expr) {
        if (expr.getKind() == CelExpr.ExprKind.Kind.CONSTANT
                && expr.constant().getKind() == CelConstant.Kind.STRING_VALUE) {
            return Optional.of(expr.constant().stringValue());
        }
        return Optional.empty();
    }

    private static List<String> listed(CelExpr expr) {
        List<String> codes = new ArrayList<>();
        if (expr.getKind() == CelExpr.ExprKind.Kind.LIST) {
            expr.list().elements().forEach(e -> string(e).ifPresent(codes::add));
        }
        return codes;
    }

    private void requireItem(String id) {
        if (items.item(id).isEmpty()) {
            add("UNKNOWN_ITEM", "names item " + id + ", which the questionnaire does not have");
        }
    }

    private void requireOption(String id, String code) {
        items.item(id).ifPresent(item -> {
            if (!item.options().isEmpty() && !item.options().contains(code)) {
                add("INVALID_OPTION", "compares item " + id + " with " + code + ", which is not one of its options "
                        + item.options().stream().sorted().toList());
            }
        });
    }

    private void requireYear(String id, String year) {
        items.item(id).ifPresent(item -> {
            if (!item.years().isEmpty() && !item.years().contains(year)) {
                add("UNKNOWN_YEAR", "reads year " + year + " of item " + id + ", which asks only for "
                        + item.years().stream().sorted().toList());
            }
        });
    }

    private void add(String code, String message) {
        FieldError problem = new FieldError(code, pointer, message);
        if (!problems.contains(problem)) {
            problems.add(problem);
        }
    }
}
