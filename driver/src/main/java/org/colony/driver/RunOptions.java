package org.colony.driver;

import java.util.List;

/**
 * What every job run takes, built once from the command line.
 *
 * @param inputs input paths or globs, as given
 * @param output the output folder
 * @param reducers an explicit reducer count, or 0 for automatic sizing
 * @param overwrite whether an existing output may be replaced (after the new one succeeded)
 * @param commandLine the arguments as given, for the manifest
 * @param explain print the sizing decision and stop
 * @param metricsFile where to write the run's metrics (Prometheus text), or null
 */
public record RunOptions(List<String> inputs, String output, int reducers, boolean overwrite,
    List<String> commandLine, boolean explain, String metricsFile) {}
