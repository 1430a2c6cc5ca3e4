/* Writes a small workbook with libxlsxwriter, the library behind XLSXWriting, as a seed for
 * FuzzXLSXRead: its parts are laid out the way the project's own workbooks are.
 *     cc xlsxwriter-seed.c -lxlsxwriter -o xlsxwriter-seed && ./xlsxwriter-seed OUT.xlsx */
#include <xlsxwriter.h>

int main(int argc, char **argv) {
    if (argc != 2) return 2;
    lxw_workbook *workbook = workbook_new(argv[1]);
    lxw_worksheet *activity = workbook_add_worksheet(workbook, "Activity");
    lxw_worksheet *totals = workbook_add_worksheet(workbook, "Totals and shares");
    lxw_format *bold = workbook_add_format(workbook);
    format_set_bold(bold);
    worksheet_write_string(activity, 0, 0, "year 年份", bold);
    worksheet_write_string(activity, 0, 1, "焦炭 Coke (10^4 t)", bold);
    worksheet_write_number(activity, 1, 0, 2013, NULL);
    worksheet_write_number(activity, 1, 1, 381.35, NULL);
    worksheet_write_number(activity, 2, 0, 2014, NULL);
    worksheet_write_number(activity, 2, 1, -0.5e-3, NULL);
    worksheet_write_boolean(activity, 3, 0, 1, NULL);
    worksheet_write_formula_num(activity, 3, 1, "=SUM(B2:B3)", NULL, 381.3495);
    worksheet_write_formula_str(totals, 0, 0, "=\"a\"&\"b\"", NULL, "ab");
    worksheet_write_string(totals, 29, 3, "Raw_Coal", NULL);
    worksheet_write_number(totals, 1048575, 16383, 1, NULL);
    return workbook_close(workbook) == LXW_NO_ERROR ? 0 : 1;
}
