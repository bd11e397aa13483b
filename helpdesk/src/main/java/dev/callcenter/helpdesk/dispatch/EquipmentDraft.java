package dev.callcenter.helpdesk.dispatch;

import dev.callcenter.helpdesk.Fields;
import dev.callcenter.helpdesk.ValidationException;
import java.time.LocalDate;

/** A unit to add to a customer's installed base. */
public record EquipmentDraft(
    long customerId,
    String product,
    String version,
    String serialNumber,
    String siteAddress,
    Double lat,
    Double lon,
    LocalDate installedOn,
    LocalDate warrantyEnd) {

  public EquipmentDraft {
    Fields.positive("customerId", customerId);
    product = Fields.required("product", product, 200);
    version = Fields.optional("version", version, 64);
    serialNumber = Fields.optional("serialNumber", serialNumber, 128);
    siteAddress = Fields.optional("siteAddress", siteAddress, 500);
    if ((lat == null) != (lon == null)) {
      throw new ValidationException("lat", "lat and lon go together");
    }
    if (lat != null) {
      new GeoPoint(lat, lon);
    }
    if (installedOn != null && warrantyEnd != null && warrantyEnd.isBefore(installedOn)) {
      throw new ValidationException("warrantyEnd", "must not be before installedOn");
    }
  }
}
