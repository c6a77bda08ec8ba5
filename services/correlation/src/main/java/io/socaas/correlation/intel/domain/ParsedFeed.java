package io.socaas.correlation.intel.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * What reading one indicator document gave: the indicators, and each entry that could not be read
 * (skipped, with its place), so that one bad line never costs the others.
 */
public record ParsedFeed(List<Indicator> indicators, List<Problem> problems) {

    /** An entry that was skipped: where ({@code line 7}, {@code objects[3] (indicator--...)}) and why. */
    public record Problem(String location, String message) {}

    public ParsedFeed {
        indicators = List.copyOf(indicators);
        problems = List.copyOf(problems);
    }

    /** A document that could not be read at all. */
    public static ParsedFeed unreadable(String location, String message) {
        return new ParsedFeed(List.of(), List.of(new Problem(location, message)));
    }

    /** This and {@code other} together. */
    public ParsedFeed plus(ParsedFeed other) {
        List<Indicator> all = new ArrayList<>(indicators);
        all.addAll(other.indicators);
        List<Problem> allProblems = new ArrayList<>(problems);
        allProblems.addAll(other.problems);
        return new ParsedFeed(all, allProblems);
    }
}
