package dev.callcenter.helpdesk.customer.csv;

/**
 * Why one row of an import file was not stored.
 *
 * @param row the row number a spreadsheet shows for it: the header is row 1, the first data row 2
 * @param field the CSV column at fault (e.g. {@code phone_work}, {@code attr:vip_level}), null when
 *     the row as a whole is wrong (e.g. it has the wrong number of columns)
 * @param reason what is wrong, for a person to fix the file
 */
public record CsvRowError(long row, String field, String reason) {}
