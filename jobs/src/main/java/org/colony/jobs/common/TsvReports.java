package org.colony.jobs.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.TaskInputOutputContext;
import org.apache.hadoop.mapreduce.lib.output.MultipleOutputs;
import org.colony.jobs.JobSpec;

/**
 * Writes a task's rows into report folders ({@code <output>/<folder>/part-r-NNNNN}), each file
 * starting with its report's header line. A file is only created when it gets a row. A reducer's
 * TsvReports also writes its {@link ReducerStats} when closed.
 */
public final class TsvReports implements AutoCloseable {
  private final TaskInputOutputContext<?, ?, NullWritable, Text> context;
  private final MultipleOutputs<NullWritable, Text> outputs;
  private final Set<String> started = new HashSet<>();
  private final Text header = new Text();
  private final long createdMillis = System.currentTimeMillis();

  public TsvReports(TaskInputOutputContext<?, ?, NullWritable, Text> context) {
    this.context = context;
    this.outputs = new MultipleOutputs<>(context);
  }

  /** Writes {@code row} into {@code report}'s folder, after its header if this is the first row. */
  public void write(JobSpec.Report report, Text row) throws IOException, InterruptedException {
    String base = report.folder() + "/part";
    if (started.add(report.folder())) {
      header.set(report.header().getBytes(StandardCharsets.UTF_8));
      outputs.write(NullWritable.get(), header, base);
    }
    outputs.write(NullWritable.get(), row, base);
  }

  /** The task's MultipleOutputs, for named outputs other than TSV reports. */
  public MultipleOutputs<NullWritable, Text> outputs() {
    return outputs;
  }

  /** Closes the files; a reducer's also records what it took in ({@link ReducerStats}). */
  @Override
  public void close() throws IOException {
    try {
      ReducerStats.write(context, outputs, createdMillis);
      outputs.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while closing report files", e);
    }
  }
}
