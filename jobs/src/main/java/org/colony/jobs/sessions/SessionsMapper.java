package org.colony.jobs.sessions;

import java.io.IOException;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.VLongWritable;
import org.apache.hadoop.mapreduce.Mapper;
import org.colony.io.access.AccessLogRecord;
import org.colony.jobs.common.FaultSwitch;
import org.colony.jobs.common.RejectSink;
import org.colony.jobs.common.VisitorFields;

/**
 * Emits each parsed hit under its (visitor, time, path) key with its response bytes as value.
 * Rejected lines go to the reject sink.
 */
public class SessionsMapper
    extends Mapper<LongWritable, AccessLogRecord, SessionKey, VLongWritable> {
  private final SessionKey key = new SessionKey();
  private final VLongWritable bytes = new VLongWritable();
  private final Text visitor = new Text();
  private VisitorFields fields;
  private RejectSink rejects;
  private FaultSwitch faults;

  @Override
  protected void setup(Context context) {
    fields = SessionsKeys.visitor(context.getConfiguration());
    rejects = new RejectSink(context);
    faults = FaultSwitch.of(context);
  }

  @Override
  protected void map(LongWritable offset, AccessLogRecord r, Context context)
      throws IOException, InterruptedException {
    faults.record();
    if (r.isRejected()) {
      rejects.write(r.reject());
      return;
    }
    fields.visitorOf(r, visitor);
    key.set(visitor.getBytes(), 0, visitor.getLength(), r.timeMillis(), r.path().getBytes(), 0,
        r.path().getLength());
    bytes.set(Math.max(0, r.bytes()));
    context.write(key, bytes);
  }

  @Override
  protected void cleanup(Context context) throws IOException {
    rejects.close();
  }
}
