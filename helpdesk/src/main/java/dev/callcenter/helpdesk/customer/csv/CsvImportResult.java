package dev.callcenter.helpdesk.customer.csv;

import java.util.List;

/**
 * What a customer import did.
 *
 * @param rowsRead data rows read, not counting the header and blank rows
 * @param created rows that created a customer
 * @param updated rows that updated the customer with their external_ref
 * @param failed rows that stored nothing; each has an entry in {@code errors} up to the first
 *     {@link CustomerCsvImport#MAX_REPORTED_ERRORS}
 * @param errors the failed rows in file order
 */
public record CsvImportResult(
    int rowsRead, int created, int updated, int failed, List<CsvRowError> errors) {

  public CsvImportResult {
    errors = List.copyOf(errors);
  }
}
