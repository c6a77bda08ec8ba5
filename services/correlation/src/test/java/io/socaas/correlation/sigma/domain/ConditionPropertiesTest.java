package io.socaas.correlation.sigma.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Generated conditions over four selections: the compiled condition evaluates as the boolean
 * formula it states, and the literal index never leaves out a rule that matches.
 */
class ConditionPropertiesTest {

    /** selection_i: field Fi contains "v{i}"; an event sets Fi to "xv{i}x" when selection_i holds. */
    private static final int SELECTIONS = 4;

    private static final Map<String, Matcher> IDENTIFIERS = identifiers();

    private static Map<String, Matcher> identifiers() {
        Map<String, Matcher> result = new LinkedHashMap<>();
        for (int i = 0; i < SELECTIONS; i++) {
            result.put(
                    "selection_" + i,
                    new Matcher.FieldMatch(
                            "F" + i,
                            List.of(ValueMatcher.string(
                                    SigmaString.parse("v" + i)
                                            .withLeadingWildcard()
                                            .withTrailingWildcard(),
                                    false)),
                            false));
        }
        return result;
    }

    /** A formula: its condition text and its truth under an assignment of the selections. */
    private interface Formula {
        String text();

        boolean eval(boolean[] holds);
    }

    private record Ref(int i) implements Formula {
        public String text() {
            return "selection_" + i;
        }

        public boolean eval(boolean[] holds) {
            return holds[i];
        }
    }

    private record Not(Formula f) implements Formula {
        public String text() {
            return "not " + f.text();
        }

        public boolean eval(boolean[] holds) {
            return !f.eval(holds);
        }
    }

    private record Bin(boolean and, Formula l, Formula r) implements Formula {
        public String text() {
            return "(" + l.text() + (and ? " and " : " or ") + r.text() + ")";
        }

        public boolean eval(boolean[] holds) {
            return and ? l.eval(holds) && r.eval(holds) : l.eval(holds) || r.eval(holds);
        }
    }

    private record OneOf(boolean all) implements Formula {
        public String text() {
            return all ? "all of selection_*" : "1 of selection_*";
        }

        public boolean eval(boolean[] holds) {
            for (boolean h : holds) {
                if (h != all) {
                    return h;
                }
            }
            return all;
        }
    }

    private static Gen<Formula> formula(int depth) {
        Gen<Formula> leaf = Generate.frequency(
                Pair.of(6, integers().between(0, SELECTIONS - 1).map(i -> (Formula) new Ref(i))),
                Pair.of(1, Generate.booleans().map(all -> (Formula) new OneOf(all))));
        if (depth == 0) {
            return leaf;
        }
        Gen<Formula> smaller = formula(depth - 1);
        return Generate.frequency(
                Pair.of(2, leaf),
                Pair.of(1, smaller.map(f -> (Formula) new Not(f))),
                Pair.of(3, Generate.booleans().zip(smaller, smaller, (and, l, r) -> (Formula) new Bin(and, l, r))));
    }

    private static Gen<boolean[]> assignments() {
        return lists().of(Generate.booleans()).ofSize(SELECTIONS).map(list -> {
            boolean[] holds = new boolean[SELECTIONS];
            for (int i = 0; i < SELECTIONS; i++) {
                holds[i] = list.get(i);
            }
            return holds;
        });
    }

    private static SigmaEvent eventFor(boolean[] holds) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < SELECTIONS; i++) {
            fields.put("F" + i, holds[i] ? "x-V" + i + "-x" : "x");
        }
        return SigmaEvent.of(fields);
    }

    @Test
    void aConditionEvaluatesAsTheFormulaItStates() {
        qt().forAll(formula(4), assignments()).checkAssert((formula, holds) -> {
            Matcher condition = ConditionParser.parse(formula.text(), IDENTIFIERS);
            assertThat(condition.matches(eventFor(holds)))
                    .as("%s with %s", formula.text(), java.util.Arrays.toString(holds))
                    .isEqualTo(formula.eval(holds));
        });
    }

    @Test
    void theLiteralIndexNeverLeavesOutAMatchingCondition() {
        qt().forAll(formula(4), assignments()).checkAssert((formula, holds) -> {
            Matcher condition = ConditionParser.parse(formula.text(), IDENTIFIERS);
            SigmaEvent event = eventFor(holds);
            BitSet candidates = new BitSet();
            RuleIndex.of(List.of(condition)).candidates(event, candidates);
            if (condition.matches(event)) {
                assertThat(candidates.get(0)).as(formula.text()).isTrue();
            }
        });
    }

    @Test
    void theLiteralIndexNeverLeavesOutAMatchingValueWhateverTheCase() {
        // letters whose case mapping is special: KELVIN SIGN, DOTTED and DOTLESS I, LONG S, SIGMAS
        Gen<String> texts = lists().of(Generate.pick(List.of(
                        'a', 'A', 'i', 'I', 'k', 'K', 's', 'S', '\u212A', '\u0130', '\u0131', '\u017F', '\u03A3',
                        '\u03C3', '\u03C2', '*', '?', '\\')))
                .ofSizeBetween(0, 8)
                .map(cs -> {
                    StringBuilder sb = new StringBuilder();
                    cs.forEach(sb::append);
                    return sb.toString();
                });
        Gen<Integer> modes = integers().between(0, 3);
        qt().forAll(texts, texts, modes, Generate.booleans()).checkAssert((value, rule, mode, cased) -> {
            SigmaString pattern = SigmaString.parse(rule);
            pattern = switch (mode) {
                case 0 -> pattern.withLeadingWildcard().withTrailingWildcard();
                case 1 -> pattern.withTrailingWildcard();
                case 2 -> pattern.withLeadingWildcard();
                default -> pattern;
            };
            Matcher match = new Matcher.FieldMatch("F", List.of(ValueMatcher.string(pattern, cased)), false);
            SigmaEvent event = SigmaEvent.of(Map.of("F", value));
            BitSet candidates = new BitSet();
            RuleIndex.of(List.of(match)).candidates(event, candidates);
            if (match.matches(event)) {
                assertThat(candidates.get(0))
                        .as("'%s' against '%s'", value, pattern)
                        .isTrue();
            }
        });
    }
}
