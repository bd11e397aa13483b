package dev.callcenter.pbxsim.ami;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One AMI packet: ordered {@code Key: Value} fields, keys compared case-insensitively, keys may
 * repeat.
 */
public record AmiMessage(List<Field> fields) {

  /** One {@code Key: Value} line. */
  public record Field(String key, String value) {
    public Field {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
      if (key.isBlank()
          || key.contains(":")
          || key.contains("\n")
          || value.contains("\n")
          || value.contains("\r")) {
        throw new IllegalArgumentException("not an AMI field: " + key + ": " + value);
      }
    }
  }

  public AmiMessage {
    fields = List.copyOf(fields);
  }

  /** The first value of {@code key} (case-insensitive). */
  public Optional<String> get(String key) {
    for (Field f : fields) {
      if (f.key().equalsIgnoreCase(key)) {
        return Optional.of(f.value());
      }
    }
    return Optional.empty();
  }

  public String getOrEmpty(String key) {
    return get(key).orElse("");
  }

  /** Every value of a repeated key, in order. */
  public List<String> getAll(String key) {
    return fields.stream().filter(f -> f.key().equalsIgnoreCase(key)).map(Field::value).toList();
  }

  /** The action name of a client packet ({@code Action:}), or empty. */
  public String action() {
    return getOrEmpty("Action");
  }

  /** The event name of a server packet ({@code Event:}), or empty. */
  public String event() {
    return getOrEmpty("Event");
  }

  /** The wire form: CRLF after each line and an empty line at the end, UTF-8. */
  public byte[] toBytes() {
    StringBuilder sb = new StringBuilder(fields.size() * 24);
    for (Field f : fields) {
      sb.append(f.key()).append(": ").append(f.value()).append("\r\n");
    }
    sb.append("\r\n");
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Starts an event packet: {@code Event: name}. */
  public static Builder event(String name) {
    return new Builder().add("Event", name);
  }

  /** Starts the response to {@code action}: {@code Response: status} then its ActionID, if any. */
  public static Builder response(AmiMessage action, String status) {
    Builder b = new Builder().add("Response", status);
    action.get("ActionID").ifPresent(id -> b.add("ActionID", id));
    return b;
  }

  /** {@code Response: Error} with Asterisk's {@code Message}. */
  public static AmiMessage error(AmiMessage action, String message) {
    return response(action, "Error").add("Message", message).build();
  }

  /** {@code Response: Success} with a {@code Message}. */
  public static AmiMessage success(AmiMessage action, String message) {
    return response(action, "Success").add("Message", message).build();
  }

  /** Collects fields in order. */
  public static final class Builder {
    private final List<Field> fields = new ArrayList<>();

    private Builder() {}

    public Builder add(String key, String value) {
      fields.add(new Field(key, value));
      return this;
    }

    public Builder add(String key, long value) {
      return add(key, Long.toString(value));
    }

    public Builder addAll(List<Field> more) {
      fields.addAll(more);
      return this;
    }

    public AmiMessage build() {
      return new AmiMessage(fields);
    }
  }
}
