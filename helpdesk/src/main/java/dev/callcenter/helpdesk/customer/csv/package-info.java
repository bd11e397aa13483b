/**
 * Bulk import of customers from CSV files, as exported by a spreadsheet or an old CRM.
 *
 * <h2>File</h2>
 *
 * <p>UTF-8 (a byte order mark is allowed; Big5 or GBK files are rejected, not garbled), RFC 4180
 * quoting (a value with a comma, a quote or a line break is in double quotes), CRLF or LF line
 * ends. Blank rows are skipped. The first row names the columns, in any order and any case:
 *
 * <ul>
 *   <li>{@code name}: required column; required value when the row creates a customer
 *   <li>{@code external_ref}: the customer's key in the other system; see upsert below
 *   <li>{@code kind}: PERSON or COMPANY, default PERSON
 *   <li>{@code company_ref}: external_ref of the person's company, which must already be stored or
 *       come on an earlier row of the file
 *   <li>{@code language}: zh-TW, zh-CN or en, default zh-TW
 *   <li>{@code phone_mobile}, {@code phone_work}, {@code phone_home}, {@code phone_fax}: one or
 *       more numbers separated by {@code ;} (or a full-width {@code ；})
 *   <li>{@code emails}: one or more addresses separated by {@code ;}
 *   <li>{@code address}, {@code notes}
 *   <li>{@code value_12m}: the 12-month value, a decimal with a point and no thousands separator
 *   <li>{@code attr:<key>}: the custom attribute {@code <key>}
 * </ul>
 *
 * <p>Any other column, a column named twice or a missing {@code name} column rejects the file
 * before anything is stored, as does a file with more data rows than the configured maximum
 * (100,000 by default), a file that is not UTF-8, or broken quoting anywhere in it.
 *
 * <h2>Upsert</h2>
 *
 * <p>A row whose external_ref is already stored updates that customer; any other row creates one.
 * An update merges: a non-empty cell replaces the stored value (a phone cell replaces the stored
 * numbers of that type, an {@code attr:} cell sets that one attribute), while an empty cell or a
 * missing column keeps what is stored, so an import never clears data. Rows are applied in file
 * order, so a second row with the same external_ref updates the customer that the first one created
 * (and counts as updated), and importing the same file twice creates nothing the second time.
 *
 * <h2>Errors</h2>
 *
 * <p>Each row is validated by the same rules as a customer entered by hand and is stored in its own
 * transaction: a row with any error stores nothing at all (not even its good phone numbers) and is
 * reported with its row number as a spreadsheet shows it (the header is row 1) and the CSV column
 * at fault; the other rows are stored. An infrastructure failure (the database is gone) stops the
 * import with an exception; rows already stored stay stored.
 */
package dev.callcenter.helpdesk.customer.csv;
