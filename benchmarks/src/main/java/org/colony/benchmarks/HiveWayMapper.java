package org.colony.benchmarks;

import java.io.IOException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Mapper;

/**
 * The Hive way's map: the line as a String, Hive's combined regex, a String per group, the time
 * through a date formatter, the request split on spaces; five Text keys per line
 * ({@code H hour}, {@code U path}, {@code C client}, {@code R referrer}, {@code A agent}), each
 * with a Text value {@code status<TAB>bytes}.
 */
public class HiveWayMapper extends Mapper<LongWritable, Text, Text, Text> {
  enum Lines { NO_MATCH }

  private static final DateTimeFormatter CLF =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);
  private static final DateTimeFormatter HOUR =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH", Locale.ROOT);
  private final Matcher m = RegexWay.hive().matcher("");

  @Override
  protected void map(LongWritable offset, Text value, Context context)
      throws IOException, InterruptedException {
    String line = value.toString();
    m.reset(line);
    String hour;
    if (!m.matches()) {
      context.getCounter(Lines.NO_MATCH).increment(1);
      return;
    }
    String host = m.group(1);
    String time = m.group(4);
    String request = unquote(m.group(5));
    String status = m.group(6);
    String size = m.group(7);
    String referrer = m.group(8) == null ? "-" : unquote(m.group(8));
    String agent = m.group(9) == null ? "-" : unquote(m.group(9));
    try {
      hour = HOUR.format(ZonedDateTime.parse(time.substring(1, time.length() - 1), CLF)
          .withZoneSameInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
      context.getCounter(Lines.NO_MATCH).increment(1);
      return;
    }
    String[] parts = request.split(" ");
    String path = parts.length > 1 ? parts[1] : "-";
    int q = path.indexOf('?');
    if (q >= 0) {
      path = path.substring(0, q);
    }
    Text v = new Text(status + "\t" + size);
    context.write(new Text("H\t" + hour), v);
    context.write(new Text("U\t" + path), v);
    context.write(new Text("C\t" + host), v);
    context.write(new Text("R\t" + (referrer.isEmpty() ? "-" : referrer)), v);
    context.write(new Text("A\t" + (agent.isEmpty() ? "-" : agent)), v);
  }

  private static String unquote(String s) {
    return s.length() >= 2 && s.charAt(0) == '"' ? s.substring(1, s.length() - 1) : s;
  }
}
