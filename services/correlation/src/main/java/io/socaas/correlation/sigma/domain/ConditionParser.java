package io.socaas.correlation.sigma.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses a Sigma condition ({@code selection and not 1 of filter_*}) into a {@link Matcher} over
 * the rule's compiled search identifiers.
 *
 * <p>Precedence, least to most binding: {@code or}, {@code and}, {@code not}, {@code x of},
 * parentheses. Aggregations ({@code | count() ...}) are refused as unsupported.
 */
final class ConditionParser {

    private enum Type {
        LPAREN,
        RPAREN,
        AND,
        OR,
        NOT,
        OF,
        ALL,
        THEM,
        NUMBER,
        IDENT,
        END
    }

    private record Token(Type type, String text) {}

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_*.\\-]+");

    private final String condition;
    private final Map<String, Matcher> identifiers;
    private final List<Token> tokens;
    private int position;
    private int depth;

    /** Deepest nesting of parentheses and {@code not} accepted (rules are written by tenants). */
    static final int MAX_DEPTH = 64;

    private ConditionParser(String condition, Map<String, Matcher> identifiers) {
        this.condition = condition;
        this.identifiers = identifiers;
        this.tokens = tokenize(condition);
    }

    static Matcher parse(String condition, Map<String, Matcher> identifiers) {
        ConditionParser parser = new ConditionParser(condition, identifiers);
        Matcher result = parser.orExpression();
        if (parser.peek().type() != Type.END) {
            throw parser.error("unexpected '" + parser.peek().text() + "'");
        }
        return result;
    }

    private List<Token> tokenize(String text) {
        List<Token> result = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(') {
                result.add(new Token(Type.LPAREN, "("));
                i++;
            } else if (c == ')') {
                result.add(new Token(Type.RPAREN, ")"));
                i++;
            } else if (c == '|') {
                throw SigmaRuleException.unsupported(
                        "aggregation expressions ('|' in condition '" + condition + "') are not supported");
            } else {
                int start = i;
                while (i < text.length()
                        && IDENTIFIER.matcher(String.valueOf(text.charAt(i))).matches()) {
                    i++;
                }
                if (start == i) {
                    throw error("unexpected character '" + c + "'");
                }
                String word = text.substring(start, i);
                result.add(
                        switch (word.toLowerCase(Locale.ROOT)) {
                            case "and" -> new Token(Type.AND, word);
                            case "or" -> new Token(Type.OR, word);
                            case "not" -> new Token(Type.NOT, word);
                            case "of" -> new Token(Type.OF, word);
                            case "all" -> new Token(Type.ALL, word);
                            case "them" -> new Token(Type.THEM, word);
                            default ->
                                word.chars().allMatch(Character::isDigit)
                                        ? new Token(Type.NUMBER, word)
                                        : new Token(Type.IDENT, word);
                        });
            }
        }
        result.add(new Token(Type.END, "end of condition"));
        return result;
    }

    private Matcher orExpression() {
        List<Matcher> items = new ArrayList<>();
        items.add(andExpression());
        while (peek().type() == Type.OR) {
            position++;
            items.add(andExpression());
        }
        return items.size() == 1 ? items.getFirst() : new Matcher.AnyOf(items);
    }

    private Matcher andExpression() {
        List<Matcher> items = new ArrayList<>();
        items.add(notExpression());
        while (peek().type() == Type.AND) {
            position++;
            items.add(notExpression());
        }
        return items.size() == 1 ? items.getFirst() : new Matcher.AllOf(items);
    }

    private Matcher notExpression() {
        if (peek().type() == Type.NOT) {
            position++;
            enter();
            Matcher negated = new Matcher.Not(notExpression());
            depth--;
            return negated;
        }
        return primary();
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    private Matcher primary() {
        Token token = next();
        switch (token.type()) {
            case LPAREN -> {
                enter();
                Matcher inner = orExpression();
                expect(Type.RPAREN);
                depth--;
                return inner;
            }
            case ALL, NUMBER -> {
                if (peek().type() != Type.OF) {
                    if (token.type() == Type.NUMBER) {
                        return reference(token.text());
                    }
                    throw error("expected 'of' after 'all'");
                }
                position++;
                List<Matcher> selected = selection(next());
                if (token.type() == Type.ALL) {
                    return new Matcher.AllOf(selected);
                }
                int minimum = Integer.parseInt(token.text());
                if (minimum < 1) {
                    throw error("'" + token.text() + " of' needs a positive count");
                }
                return new Matcher.AtLeast(minimum, selected);
            }
            case IDENT -> {
                return reference(token.text());
            }
            default -> throw error("unexpected '" + token.text() + "'");
        }
    }

    private List<Matcher> selection(Token target) {
        List<Matcher> selected = new ArrayList<>();
        if (target.type() == Type.THEM) {
            identifiers.forEach((name, m) -> {
                if (!name.startsWith("_")) {
                    selected.add(new Matcher.Named(name, m));
                }
            });
        } else if (target.type() == Type.IDENT || target.type() == Type.NUMBER) {
            // RE2/J: a pattern with many wildcards cannot backtrack exponentially over the names
            com.google.re2j.Pattern pattern = com.google.re2j.Pattern.compile(
                    Pattern.quote(target.text()).replace("*", "\\E.*\\Q"), com.google.re2j.Pattern.DOTALL);
            identifiers.forEach((name, m) -> {
                if (pattern.matcher(name).matches()) {
                    selected.add(new Matcher.Named(name, m));
                }
            });
        } else {
            throw error("expected a search identifier pattern or 'them' after 'of'");
        }
        if (selected.isEmpty()) {
            throw error("'" + target.text() + "' matches no search identifier");
        }
        return selected;
    }

    private Matcher reference(String name) {
        Matcher matcher = identifiers.get(name);
        if (matcher == null) {
            throw error("unknown search identifier '" + name + "'");
        }
        return new Matcher.Named(name, matcher);
    }

    private Token peek() {
        return tokens.get(position);
    }

    private Token next() {
        Token token = tokens.get(position);
        if (token.type() != Type.END) {
            position++;
        }
        return token;
    }

    private void expect(Type type) {
        Token token = next();
        if (token.type() != type) {
            throw error("expected " + type + " but found '" + token.text() + "'");
        }
    }

    private SigmaRuleException error(String message) {
        return SigmaRuleException.invalid("condition '" + condition + "': " + message);
    }
}
