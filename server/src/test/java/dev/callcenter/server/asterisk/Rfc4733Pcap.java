package dev.callcenter.server.asterisk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Writes a pcap of RFC 4733 telephone-events (payload type 101, as the callers' SDP offers) that
 * sipp's {@code play_pcap_audio} sends to Asterisk on the pcap's own schedule: each key a 140 ms
 * event (seven updates, then the end packet three times), one SSRC and continuous sequence numbers
 * and timestamps across keys, so that the same key twice in a row counts twice. sipp replaces the
 * addresses and ports with those of the call.
 */
final class Rfc4733Pcap {

  /** A key pressed {@code at} after the call was answered. */
  record Key(Duration at, char key) {}

  private static final int TELEPHONE_EVENT = 101;
  private static final int PCMU = 0;
  private static final long START_MICROS = 1_000_000;
  private static final int SSRC = 0x4343_3131;
  private static final int UPDATES = 7;
  private static final int SAMPLES_PER_UPDATE = 160; // 20 ms at 8 kHz

  private Rfc4733Pcap() {}

  /** Writes {@code keys}, each at its moment after the start of playback. */
  static void write(Path file, List<Key> keys) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteBuffer header = le(24);
    header.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0);
    header.putInt(65535).putInt(1); // Ethernet
    out.writeBytes(header.array());
    int seq = 1000;
    // sipp plays packets relative to the first one, and a capture time of 0 counts as none: a
    // silent audio packet at 1 s marks the start
    byte[] silence = new byte[SAMPLES_PER_UPDATE];
    java.util.Arrays.fill(silence, (byte) 0xFF);
    packet(out, START_MICROS, seq++, 0, PCMU, silence, false);
    for (Key k : keys) {
      int event = code(k.key());
      long startMicros = START_MICROS + k.at().toNanos() / 1000;
      int timestamp = (int) (k.at().toMillis() * 8);
      for (int i = 0; i < UPDATES; i++) {
        event(
            out,
            startMicros + i * 20_000L,
            seq++,
            timestamp,
            event,
            false,
            i * SAMPLES_PER_UPDATE,
            i == 0);
      }
      int duration = UPDATES * SAMPLES_PER_UPDATE;
      for (int r = 0; r < 3; r++) { // the end is sent three times, with one sequence number
        event(
            out,
            startMicros + UPDATES * 20_000L + r * 1000,
            seq,
            timestamp,
            event,
            true,
            duration,
            false);
      }
      seq++;
    }
    try {
      Files.write(file, out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One telephone-event update (RFC 4733 section 2.3). */
  private static void event(
      ByteArrayOutputStream out,
      long micros,
      int seq,
      int timestamp,
      int event,
      boolean end,
      int duration,
      boolean marker) {
    ByteBuffer payload = ByteBuffer.allocate(4);
    payload.put((byte) event).put((byte) ((end ? 0x80 : 0) | 10)).putShort((short) duration);
    packet(out, micros, seq, timestamp, TELEPHONE_EVENT, payload.array(), marker);
  }

  private static void packet(
      ByteArrayOutputStream out,
      long micros,
      int seq,
      int timestamp,
      int payloadType,
      byte[] payload,
      boolean marker) {
    ByteBuffer rtp = ByteBuffer.allocate(12 + payload.length);
    rtp.put((byte) 0x80).put((byte) ((marker ? 0x80 : 0) | payloadType));
    rtp.putShort((short) seq).putInt(timestamp).putInt(SSRC).put(payload);
    int udpLength = 8 + rtp.capacity();
    ByteBuffer udp = ByteBuffer.allocate(udpLength);
    udp.putShort((short) 6000).putShort((short) 6000).putShort((short) udpLength);
    udp.putShort((short) 0).put(rtp.array());
    ByteBuffer ip = ByteBuffer.allocate(20 + udpLength);
    ip.put((byte) 0x45).put((byte) 0).putShort((short) (20 + udpLength)).putInt(0);
    ip.put((byte) 64).put((byte) 17).putShort((short) 0);
    ip.put(new byte[] {127, 0, 0, 1}).put(new byte[] {127, 0, 0, 1});
    ip.put(udp.array());
    ByteBuffer frame = ByteBuffer.allocate(14 + ip.capacity());
    frame.put(new byte[12]).putShort((short) 0x0800).put(ip.array());
    ByteBuffer record = le(16);
    record.putInt((int) (micros / 1_000_000)).putInt((int) (micros % 1_000_000));
    record.putInt(frame.capacity()).putInt(frame.capacity());
    out.writeBytes(record.array());
    out.writeBytes(frame.array());
  }

  private static int code(char key) {
    return switch (key) {
      case '*' -> 10;
      case '#' -> 11;
      default -> {
        if (key < '0' || key > '9') {
          throw new IllegalArgumentException("not a phone key: " + key);
        }
        yield key - '0';
      }
    };
  }

  private static ByteBuffer le(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }
}
