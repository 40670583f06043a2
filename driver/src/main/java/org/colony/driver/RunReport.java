package org.colony.driver;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Job;
import org.colony.io.InputKeys;
import org.colony.jobs.JobSpec;

/**
 * The report of one run, built as the run goes: what ran on what, the sizing decision, the
 * counters, what each reducer took, the phases, the advice and the outcome. The same document is
 * the published output's {@code _manifest.json} and the run history's entry.
 */
final class RunReport {
  /** Files listed one by one in a report; the fingerprint covers every file. */
  static final int MAX_LISTED_FILES = 10_000;

  private final Map<String, Object> doc = new LinkedHashMap<>();
  private final long started;
  private List<Map<String, String>> advice = List.of();

  RunReport(JobSpec spec, String runId, RunOptions options, InputSet inputs,
      SizingDecision decision, Path output, long started) {
    this.started = started;
    doc.put("job", spec.name());
    doc.put("runId", runId);
    doc.put("colonyVersion", Version.colony());
    doc.put("commandLine", options.commandLine());
    doc.put("started", Instant.ofEpochMilli(started).toString());
    doc.put("outcome", "running");
    doc.put("output", output.toString());
    doc.put("inputs", Manifest.inputs(inputs));
    doc.put("inputFiles", inputs.files());
    doc.put("inputBytes", inputs.bytes());
    doc.put("inputByCodec", inputs.bytesByCodec());
    doc.put("inputFingerprint", inputs.fingerprint());
    List<InputSet.InputFile> files = inputs.fileList();
    doc.put("inputFileList", files.size() <= MAX_LISTED_FILES ? files
        : files.subList(0, MAX_LISTED_FILES));
    if (files.size() > MAX_LISTED_FILES) {
      doc.put("inputFileListTruncated", true);
    }
    doc.put("reducers", decision.toMap());
  }

  void job(Job job, Phases phases) {
    doc.put("hadoopJobId", String.valueOf(job.getJobID()));
    doc.put("inputCombined", InputKeys.useCombined(job.getConfiguration()));
    doc.put("phases", phases.toMap());
  }

  void counts(RecordCounts counts, Counters counters) {
    doc.put("records", Manifest.records(counts));
    doc.put("bytesRead", JobRunner.counter(counters, JobRunner.READ_COUNTER));
    doc.put("shuffleBytes", JobRunner.counter(counters, JobRunner.SHUFFLE_COUNTER));
    doc.put("counters", Manifest.counters(counters));
  }

  void reducerStats(List<String[]> rows) {
    List<Map<String, Object>> l = new ArrayList<>();
    for (String[] r : rows) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("reducer", Integer.parseInt(r[0]));
      m.put("inputGroups", Long.parseLong(r[1]));
      m.put("inputRecords", Long.parseLong(r[2]));
      m.put("shuffleBytes", Long.parseLong(r[3]));
      m.put("reduceMs", Long.parseLong(r[4]));
      l.add(m);
    }
    l.sort((a, b) -> Integer.compare((Integer) a.get("reducer"), (Integer) b.get("reducer")));
    doc.put("reducerStats", l);
  }

  void advice(List<Map<String, String>> advice) {
    this.advice = advice;
    doc.put("advice", advice);
  }

  List<Map<String, String>> adviceList() {
    return advice;
  }

  void outputs(FileSystem fs, Path staging) throws IOException {
    doc.put("corruptFiles", Manifest.corruptFiles(fs, staging));
    doc.put("outputFiles", Manifest.files(fs, staging));
  }

  void finish(String outcome, String failure) {
    long finished = System.currentTimeMillis();
    doc.put("outcome", outcome);
    if (failure != null) {
      doc.put("failure", failure);
    }
    doc.put("finished", Instant.ofEpochMilli(finished).toString());
    doc.put("finishedEpochMs", finished);
    doc.put("durationMs", finished - started);
  }

  long durationMs() {
    Object d = doc.get("durationMs");
    return d instanceof Number n ? n.longValue() : System.currentTimeMillis() - started;
  }

  long shuffleBytes() {
    Object d = doc.get("shuffleBytes");
    return d instanceof Number n ? n.longValue() : 0;
  }

  Map<String, Object> map() {
    return doc;
  }
}
