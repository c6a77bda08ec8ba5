package io.socaas.events.testing;

import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/** For the modules' JMH benchmarks' {@code main}: runs one benchmark class and reads its scores. */
public final class Benchmarks {

    private Benchmarks() {}

    /** Runs every benchmark of {@code benchmark}; JMH's own options (e.g. -wi 1 -i 2) override its annotations. */
    public static Collection<RunResult> run(Class<?> benchmark, String[] args)
            throws RunnerException, CommandLineOptionException {
        return new Runner(new OptionsBuilder()
                        .parent(new CommandLineOptions(args))
                        .include(benchmark.getName())
                        .build())
                .run();
    }

    /** The primary score of the benchmark method {@code method}, NaN when it did not run. */
    public static double score(Collection<RunResult> results, String method) {
        return results.stream()
                .filter(r -> r.getParams().getBenchmark().endsWith("." + method))
                .mapToDouble(r -> r.getPrimaryResult().getScore())
                .findFirst()
                .orElse(Double.NaN);
    }
}
