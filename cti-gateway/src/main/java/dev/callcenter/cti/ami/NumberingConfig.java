package dev.callcenter.cti.ami;

import java.util.Map;
import java.util.Objects;

/**
 * Which region's national format caller numbers are in: per trunk endpoint (the channel name
 * without its {@code -0000001} suffix, e.g. {@code PJSIP/pstn}), else per dialplan context, else
 * {@code defaultRegion}. Carriers differ, so no country code is hard-coded.
 *
 * @param defaultRegion ISO 3166 region, e.g. {@code TW}
 * @param regionByTrunk region per trunk endpoint
 * @param regionByContext region per dialplan context the call enters in
 */
public record NumberingConfig(
    String defaultRegion, Map<String, String> regionByTrunk, Map<String, String> regionByContext) {

  public NumberingConfig {
    Objects.requireNonNull(defaultRegion, "defaultRegion");
    regionByTrunk = Map.copyOf(regionByTrunk);
    regionByContext = Map.copyOf(regionByContext);
  }

  /** Every number is in {@code region}'s format. */
  public static NumberingConfig of(String region) {
    return new NumberingConfig(region, Map.of(), Map.of());
  }

  /** The region for a call arriving on {@code channel} in {@code context}; both may be null. */
  public String regionFor(String channel, String context) {
    if (channel != null) {
      int dash = channel.lastIndexOf('-');
      String trunk = dash > 0 ? channel.substring(0, dash) : channel;
      String region = regionByTrunk.get(trunk);
      if (region != null) {
        return region;
      }
    }
    if (context != null) {
      String region = regionByContext.get(context);
      if (region != null) {
        return region;
      }
    }
    return defaultRegion;
  }
}
