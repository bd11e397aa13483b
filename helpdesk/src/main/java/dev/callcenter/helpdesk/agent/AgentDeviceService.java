package dev.callcenter.helpdesk.agent;

import dev.callcenter.helpdesk.ConflictException;
import dev.callcenter.helpdesk.Fields;
import dev.callcenter.helpdesk.NotFoundException;
import dev.callcenter.helpdesk.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Which phone each agent answers on and which queues they work. */
public final class AgentDeviceService {
  /** {@code TECH/resource}, as Asterisk names queue member interfaces. */
  private static final Pattern INTERFACE = Pattern.compile("[A-Za-z0-9_]+/[^\\s,;|]+");

  private static final Pattern QUEUE = Pattern.compile("[A-Za-z0-9_.-]{1,80}");
  private static final int MAX_QUEUES = 50;

  private final AgentDeviceRepository devices;

  public AgentDeviceService(AgentDeviceRepository devices) {
    this.devices = devices;
  }

  /**
   * Sets the user's device and queues.
   *
   * @throws ConflictException {@code interface_in_use} when another agent has that device
   */
  public AgentDevice assign(long userId, String agentInterface, List<String> queues) {
    String iface = Fields.required("interface", agentInterface, 120);
    if (!INTERFACE.matcher(iface).matches()) {
      throw new ValidationException(
          "interface", "must be a queue member interface such as PJSIP/1001");
    }
    Fields.notNull("queues", queues);
    Fields.maxSize("queues", queues, MAX_QUEUES);
    List<String> clean = new ArrayList<>(new LinkedHashSet<>(queues));
    for (String queue : clean) {
      if (queue == null || !QUEUE.matcher(queue).matches()) {
        throw new ValidationException(
            "queues", "queue names are 1-80 letters, digits, '.', '_' or '-': " + queue);
      }
    }
    for (AgentDevice other : devices.all()) {
      if (other.agentInterface().equals(iface) && other.userId() != userId) {
        throw new ConflictException(
            "interface_in_use",
            iface + " is already the device of " + other.username(),
            Map.of("interface", iface, "username", other.username()));
      }
    }
    devices.upsert(userId, iface, clean);
    return devices.forUser(userId).orElseThrow(() -> new NotFoundException("user", userId));
  }

  public Optional<AgentDevice> forUser(long userId) {
    return devices.forUser(userId);
  }

  public List<AgentDevice> all() {
    return devices.all();
  }

  public boolean remove(long userId) {
    return devices.delete(userId);
  }
}
