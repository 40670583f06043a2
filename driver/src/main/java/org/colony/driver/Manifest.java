package org.colony.driver;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.CounterGroup;
import org.apache.hadoop.mapreduce.Counters;
import org.colony.jobs.common.RejectSink;
import org.colony.jobs.common.Tsv;
import org.colony.jobs.common.TsvTables;

/**
 * {@code _manifest.json}, written into every published output: the run's report (what ran, on
 * what, with which sizing decision, what it counted, what it wrote, advice), the same document
 * that goes to the run history. The static methods build its parts.
 */
public final class Manifest {
  public static final String FILE = "_manifest.json";
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  private final Map<String, Object> fields;

  public Manifest(Map<String, Object> fields) {
    this.fields = fields;
  }

  public Map<String, Object> fields() {
    return fields;
  }

  /** Records in, parsed, rejected (with reasons), from a job's counters. */
  public static Map<String, Object> records(RecordCounts counts) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("in", counts.in());
    m.put("parsed", counts.parsed());
    m.put("rejected", counts.rejected());
    m.put("rejectsWritten", counts.rejectsWritten());
    m.put("rejectsByReason", counts.byReason());
    return m;
  }

  /** Every counter of a job, by group and name. */
  public static Map<String, Map<String, Long>> counters(Counters counters) {
    Map<String, Map<String, Long>> m = new LinkedHashMap<>();
    for (CounterGroup g : counters) {
      Map<String, Long> group = new LinkedHashMap<>();
      for (Counter c : g) {
        group.put(c.getName(), c.getValue());
      }
      m.put(g.getName(), group);
    }
    return m;
  }

  public static List<Map<String, Object>> inputs(InputSet inputs) {
    List<Map<String, Object>> l = new ArrayList<>();
    for (InputSet.Input i : inputs.inputs()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("path", i.given());
      m.put("matched", i.matched().stream().map(Path::toString).toList());
      m.put("files", i.files());
      m.put("bytes", i.bytes());
      l.add(m);
    }
    return l;
  }

  /** The damaged compressed files the readers skipped, from {@code _corrupt/}. */
  public static List<Map<String, Object>> corruptFiles(FileSystem fs, Path output)
      throws IOException {
    List<Map<String, Object>> l = new ArrayList<>();
    for (String[] cols : TsvTables.rows(fs, new Path(output, RejectSink.CORRUPT.folder()),
        Integer.MAX_VALUE)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("file", new String(Tsv.unescape(cols[0]), StandardCharsets.UTF_8));
      m.put("offset", Long.parseLong(cols[1]));
      m.put("error", new String(Tsv.unescape(cols[2]), StandardCharsets.UTF_8));
      l.add(m);
    }
    l.sort((a, b) -> ((String) a.get("file")).compareTo((String) b.get("file")));
    return l;
  }

  /** The files under {@code dir}, relative, with sizes. */
  public static List<Map<String, Object>> files(FileSystem fs, Path dir) throws IOException {
    List<Map<String, Object>> l = new ArrayList<>();
    String prefix = fs.makeQualified(dir).toUri().getPath() + "/";
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(dir, true);
    while (it.hasNext()) {
      LocatedFileStatus f = it.next();
      String rel = f.getPath().toUri().getPath().substring(prefix.length());
      if (rel.startsWith(".") || rel.contains("/.")) {
        continue; // checksum files of the local file system
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("path", rel);
      m.put("bytes", f.getLen());
      l.add(m);
    }
    l.sort((a, b) -> ((String) a.get("path")).compareTo((String) b.get("path")));
    return l;
  }

  public void write(FileSystem fs, Path dir) throws IOException {
    try (OutputStream out = fs.create(new Path(dir, FILE), false)) {
      JSON.writeValue(out, fields);
    }
  }

  /** Reads a manifest as a map (for tools and tests). */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> read(FileSystem fs, Path dir) throws IOException {
    try (java.io.InputStream in = fs.open(new Path(dir, FILE))) {
      return JSON.readValue(in, Map.class);
    }
  }
}
