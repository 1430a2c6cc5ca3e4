import Calculation
import CementModel
import XLSXWriting

extension WorkbookWriter {
  /// `Activity`: reconciled fuel use by year in reporting units. The industry's use and the
  /// allocation share are values; cement's use is the live formula `industry × share`.
  struct ActivitySheet {
    let context: Context

    private var columns: ActivityColumns { context.layout.activity }
    private var activity: ActivitySeries { context.account.activity }

    func write(_ sheet: SheetBuilder) throws(XLSXError) {
      try sheet.title(context.labels.activityTitle, subtitle: context.subtitle, note: context.labels.activityNote)
      try groupHeaders(sheet)
      try sheet.headers(headers, row: Layout.headerRow)
      for year in context.layout.years {
        guard let row = context.layout.row(year) else { continue }
        try sheet.write(.number(Double(year)), row, 0, Styles.year)
        try writeFuels(sheet, year: year, row: row)
        try writeTotalEnergy(sheet, year: year, row: row)
      }
      try sheet.worksheet.freezePanes(row: Layout.firstDataRow, column: 1)
      try sheet.legend(context.labels, row: context.layout.lastDataRow + 2)
      try sheet.finish()
    }

    private var headers: [String] {
      let units = columns.fuels.map { fuel in
        Headers.withUnit(Headers.name(fuel), FuelCatalogue.standard[fuel]?.dimension.reportingUnit.symbol ?? "")
      }
      return [Headers.year] + units + [Headers.allocationShare] + units
        + (columns.totalEnergy == nil ? [] : [Headers.totalEnergyReference])
    }

    /// "Industry use" over the industry columns and "cement use" over the cement columns.
    private func groupHeaders(_ sheet: SheetBuilder) throws(XLSXError) {
      guard let first = columns.fuels.first, let last = columns.fuels.last,
        let industry = columns.industry(first).flatMap({ a in columns.industry(last).map { a...$0 } }),
        let cement = columns.cement(first).flatMap({ a in columns.cement(last).map { a...$0 } })
      else { return }
      try banner(sheet, Headers.industryUse, industry)
      try banner(sheet, Headers.cementUse, cement)
    }

    private func banner(_ sheet: SheetBuilder, _ text: String, _ span: ClosedRange<Int>) throws(XLSXError) {
      if span.count == 1 {
        try sheet.write(.text(text), Layout.groupRow, span.lowerBound, Styles.header, fits: false)
      } else {
        try sheet.worksheet.mergeCells(
          firstRow: Layout.groupRow, firstColumn: span.lowerBound, lastRow: Layout.groupRow, lastColumn: span.upperBound,
          text: text, style: Styles.header)
      }
    }

    private func writeFuels(_ sheet: SheetBuilder, year: Int, row: Int) throws(XLSXError) {
      let share = activity.allocationShares[year]
      if let share { try sheet.write(.number(share.value), row, columns.share, Styles.share) }
      for fuel in columns.fuels {
        guard let value = activity.fuels[fuel]?[year], let industryColumn = columns.industry(fuel),
          let cementColumn = columns.cement(fuel)
        else { continue }
        let style = Styles.highlighted(Styles.activity, Highlight.of(value.flags))
        let cementUse = value.value.reportingValue
        guard let share, share.value != 0 else {
          // Without a share the industry's use cannot be recovered; the cement value stands alone.
          try sheet.write(.number(cementUse), row, cementColumn, style)
          continue
        }
        // Allocation multiplied the industry's use by the share; dividing gives it back
        // (exactly, for the usual share of 1).
        let industryUse = share == .one ? cementUse : cementUse / share.value
        try sheet.write(.number(industryUse), row, industryColumn, style)
        let cell = cementUseCell(fuel, industry: industryUse, share: share, cached: cementUse, year: year, row: row, columns: (industryColumn, columns.share))
        try sheet.write(cell, row, cementColumn, style)
      }
    }

    /// Cement's use = the industry's use × the allocation share, as the live formula `B6*K6`
    /// caching the allocated value.
    private func cementUseCell(
      _ fuel: Fuel, industry: Double, share: Fraction, cached: Double, year: Int, row: Int, columns: (industry: Int, share: Int)
    ) -> CellValue {
      let industryTerm = Term(
        .parameter("industry use of \(fuel.id)"), year: year, value: industry, unit: .one, source: .definition("the allocated use divided by the share"))
      let shareTerm = Term(.allocationShare, year: year, value: share.value, unit: .one, source: .definition("allocation share"))
      let local = [
        industryTerm.id: Place(sheet: Layout.Sheet.activity, row: row, column: columns.industry, scale: 1),
        shareTerm.id: Place(sheet: Layout.Sheet.activity, row: row, column: columns.share, scale: 1),
      ]
      return context.figure(
        .product([.term(industryTerm), .term(shareTerm)]), cached, on: context.cells.seen(from: Layout.Sheet.activity, local: local), scale: 1)
    }

    private func writeTotalEnergy(_ sheet: SheetBuilder, year: Int, row: Int) throws(XLSXError) {
      guard let column = columns.totalEnergy, let value = activity.totalEnergy[year] else { return }
      try sheet.write(.number(value.value.reportingValue), row, column, Styles.highlighted(Styles.activity, Highlight.of(value.flags)))
    }
  }
}
