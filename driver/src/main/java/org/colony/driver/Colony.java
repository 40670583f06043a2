package org.colony.driver;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.ToolRunner;

/**
 * Entry point of {@code colony} and of the job jar ({@code hadoop jar colony-VERSION-job.jar
 * COMMAND ...}).
 */
public final class Colony {
  private Colony() {}

  public static void main(String[] args) {
    int code;
    try {
      code = run(new Configuration(), args);
    } catch (Exception e) {
      System.err.println("colony: internal error: " + e);
      e.printStackTrace(System.err);
      code = ExitCode.JOB_FAILED;
    }
    System.exit(code);
  }

  /** Runs a colony command line with {@code conf}; returns the exit code. */
  public static int run(Configuration conf, String... args) throws Exception {
    return ToolRunner.run(conf, new ColonyTool(), args);
  }
}
