package io.socaas.correlation.sigma.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import io.socaas.correlation.sigma.domain.SigmaEvent;
import io.socaas.correlation.sigma.domain.SigmaRule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Generated rule files (YAML text, as tenants write them) over generated selections: a file with a
 * well-formed condition reads to a rule that matches exactly when the boolean formula of its
 * condition holds for the selections an event satisfies; the same file with its condition broken is
 * refused with its problems placed at the condition's line and column, never with an exception.
 */
class SigmaRulePropertiesTest {

    private static final int SELECTIONS = 4;
    private static final List<String> MODIFIERS = List.of("", "|contains", "|startswith", "|endswith");
    /** The line of {@code condition:} in {@link #ruleText}: 5 header lines, 2 per selection. */
    private static final int CONDITION_LINE = 5 + 2 * SELECTIONS + 1;

    /** One selection: field {@code F<i>} with a modifier and a value of letters and digits. */
    private record Selection(String modifier, String value) {
        /** A field value the selection matches (the value in another case, as the default is case-insensitive). */
        String matching() {
            String upper = value.toUpperCase(Locale.ROOT);
            return switch (modifier) {
                case "|contains" -> "#" + upper + "#";
                case "|startswith" -> upper + "#";
                case "|endswith" -> "#" + upper;
                default -> upper;
            };
        }
    }

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

    private record Quantified(boolean all) implements Formula {
        public String text() {
            return all ? "all of selection_*" : "1 of selection_*";
        }

        public boolean eval(boolean[] holds) {
            boolean any = false;
            boolean every = true;
            for (boolean h : holds) {
                any |= h;
                every &= h;
            }
            return all ? every : any;
        }
    }

    private static Gen<Formula> formula(int depth) {
        Gen<Formula> leaf = Generate.frequency(
                Pair.of(6, integers().between(0, SELECTIONS - 1).map(i -> (Formula) new Ref(i))),
                Pair.of(1, Generate.booleans().map(all -> (Formula) new Quantified(all))));
        if (depth == 0) {
            return leaf;
        }
        Gen<Formula> smaller = formula(depth - 1);
        return Generate.frequency(
                Pair.of(2, leaf),
                Pair.of(1, smaller.map(f -> (Formula) new Not(f))),
                Pair.of(3, Generate.booleans().zip(smaller, smaller, (and, l, r) -> (Formula) new Bin(and, l, r))));
    }

    private static Gen<List<Selection>> selections() {
        Gen<Selection> one = Generate.pick(MODIFIERS)
                .zip(strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 6), (m, v) -> new Selection(m, v));
        return lists().of(one).ofSize(SELECTIONS);
    }

    /** Per selection: 0 = holds, 1 = field has another value, 2 = field absent. */
    private static Gen<List<Integer>> assignments() {
        return lists().of(integers().between(0, 2)).ofSize(SELECTIONS);
    }

    private static String ruleText(List<Selection> selections, String condition) {
        StringBuilder yaml = new StringBuilder("""
                title: Generated
                id: 5f0a1c2e-0000-4000-8000-000000000001
                logsource: {category: process_creation, product: windows}
                level: low
                detection:
                """);
        for (int i = 0; i < selections.size(); i++) {
            Selection s = selections.get(i);
            yaml.append("  selection_").append(i).append(":\n");
            yaml.append("    F")
                    .append(i)
                    .append(s.modifier())
                    .append(": '")
                    .append(s.value())
                    .append("'\n");
        }
        yaml.append("  condition: ").append(condition).append('\n');
        return yaml.toString();
    }

    @Test
    void aWellFormedRuleMatchesExactlyWhenItsConditionHolds() {
        qt().forAll(selections(), formula(3), assignments()).checkAssert((selections, formula, assignment) -> {
            SigmaRule rule = SigmaYamlReader.read(ruleText(selections, formula.text()));
            boolean[] holds = new boolean[SELECTIONS];
            Map<String, Object> event = new LinkedHashMap<>();
            for (int i = 0; i < SELECTIONS; i++) {
                holds[i] = assignment.get(i) == 0;
                if (assignment.get(i) == 0) {
                    event.put("F" + i, selections.get(i).matching());
                } else if (assignment.get(i) == 1) {
                    event.put("F" + i, "#");
                }
            }
            assertThat(rule.matches(SigmaEvent.of(event)))
                    .as("%s over %s with %s", formula.text(), selections, event)
                    .isEqualTo(formula.eval(holds));
        });
    }

    @Test
    void aBrokenConditionIsAProblemAtTheConditionsLineAndColumn() {
        Gen<Integer> breakages = integers().between(0, 4);
        qt().forAll(selections(), formula(3), breakages).checkAssert((selections, formula, breakage) -> {
            String condition = formula.text();
            String broken = switch (breakage) {
                case 0 -> condition + " and";
                case 1 -> "(" + condition;
                case 2 -> condition + " or selection_" + (SELECTIONS + 3);
                case 3 -> condition + " not";
                default -> "and " + condition;
            };
            SigmaRuleCheck.Result result = SigmaRuleCheck.check(ruleText(selections, broken));
            assertThat(result.valid()).as(broken).isFalse();
            assertThat(result.problems()).as(broken).isNotEmpty().allSatisfy(p -> {
                assertThat(p.line()).as(broken).isEqualTo(CONDITION_LINE);
                assertThat(p.column()).as(broken).isEqualTo(3);
                assertThat(p.unsupported()).as(broken).isFalse();
                assertThat(p.message()).isNotBlank();
            });
        });
    }
}
