package org.colony.jobs.grep;

import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.IntWritable;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.output.LazyOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.TextOutputFormat;
import org.colony.conf.ConfigKey;
import org.colony.io.InputKeys;
import org.colony.io.access.AccessLogInputFormat;
import org.colony.io.events.CombinedEventInputFormat;
import org.colony.io.events.EventInputFormat;
import org.colony.io.events.EventStart;
import org.colony.io.lines.CombinedLineInputFormat;
import org.colony.io.lines.LineInputFormat;
import org.colony.jobs.JobOption;
import org.colony.jobs.JobSpec;

/**
 * grep: the records of any log that match one or more patterns (regexes, or with --fixed literal
 * strings matched on bytes), each with its file and byte offset, in matches/. Map-only, unless
 * --count asks for counts/, the matching records per pattern, which takes a reduce phase of one
 * record per pattern per map task (IntWritable keys, compared raw).
 *
 * <p>Lines (--format lines, the default) are read as they are ({@link LineInputFormat}); access
 * and syslog lines are those that parse as such (the rest quarantined in _rejects/ as by the
 * other jobs); events are application log events, their lines joined with newlines.
 */
public final class GrepSpec implements JobSpec {

  @Override
  public String name() {
    return "grep";
  }

  @Override
  public String description() {
    return "Any log -> the records matching patterns (regex or fixed), with file and byte "
        + "offset; matches per pattern with --count";
  }

  @Override
  public List<JobOption> options() {
    return List.of(
        JobOption.repeatable("pattern", "PATTERN", GrepKeys.PATTERNS,
            "what to search for, a java.util.regex pattern found anywhere in a record (or a "
                + "literal string with --fixed); repeat for several"),
        JobOption.flag("fixed", GrepKeys.FIXED,
            "the patterns are literal strings, matched on bytes (no regex)"),
        JobOption.withValue("format", "FORMAT", GrepKeys.FORMAT,
            "what a record is: lines (default: every line as it is), access or syslog (lines "
                + "that parse as such; the rest rejected), events (multi-line application log "
                + "events)"),
        JobOption.flag("count", GrepKeys.COUNT,
            "also count the matching records per pattern into counts/ (default: map-only, "
                + "matches/ only)"));
  }

  @Override
  public List<ConfigKey> keys() {
    return GrepKeys.all();
  }

  /** Without --count: no reduce phase. */
  @Override
  public boolean mapOnly(Configuration conf) {
    return !GrepKeys.COUNT.getBoolean(conf);
  }

  /** A record per pattern per map task. */
  @Override
  public double defaultShuffleRatio() {
    return 0.0001;
  }

  @Override
  public List<Report> reports() {
    return GrepReports.ALL;
  }

  @Override
  public List<Report> reports(Configuration conf) {
    return mapOnly(conf) ? List.of(GrepReports.MATCHES) : GrepReports.ALL;
  }

  @Override
  public void configure(Job job) {
    Configuration conf = job.getConfiguration();
    new PatternSet(GrepKeys.patterns(conf), GrepKeys.FIXED.getBoolean(conf));
    GrepKeys.Format format = GrepKeys.format(conf);
    boolean combined = InputKeys.useCombined(conf);
    if (format == GrepKeys.Format.EVENTS) {
      EventStart.fromConf(conf);
      job.setInputFormatClass(combined ? CombinedEventInputFormat.class : EventInputFormat.class);
    } else {
      LineInputFormat.setCheck(conf, switch (format) {
        case ACCESS -> LineInputFormat.Check.ACCESS;
        case SYSLOG -> LineInputFormat.Check.SYSLOG;
        default -> LineInputFormat.Check.ANY;
      });
      if (format == GrepKeys.Format.ACCESS) {
        AccessLogInputFormat.parser(conf);
      }
      job.setInputFormatClass(combined ? CombinedLineInputFormat.class : LineInputFormat.class);
    }
    job.setJarByClass(GrepSpec.class);
    job.setMapperClass(GrepMapper.class);
    if (mapOnly(conf)) {
      job.setNumReduceTasks(0);
    } else {
      job.setReducerClass(GrepReducer.class);
    }
    job.setMapOutputKeyClass(IntWritable.class);
    job.setMapOutputValueClass(LongWritable.class);
    job.setOutputKeyClass(NullWritable.class);
    job.setOutputValueClass(Text.class);
    LazyOutputFormat.setOutputFormatClass(job, TextOutputFormat.class);
  }
}
