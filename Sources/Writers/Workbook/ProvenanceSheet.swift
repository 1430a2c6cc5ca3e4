import Accounting
import Calculation
import CementModel
import XLSXWriting

extension WorkbookWriter {
  /// `Provenance`: one row per activity value (every fuel and year, the reference total energy
  /// use, cement and clinker output): the value, the source cell as found, and each
  /// transformation applied to it.
  struct ProvenanceSheet {
    let context: Context

    /// One value with its history, as a row shows it.
    private struct Item {
      /// Nil for a factor that serves every year.
      let year: Int?
      let name: String
      let value: Double
      let unit: String
      let sources: [SourceRecord]
      let steps: [String]
      let flags: [Flag]
    }

    func write(_ sheet: SheetBuilder) throws(XLSXError) {
      try sheet.title(context.labels.provenanceTitle, subtitle: context.subtitle, note: context.labels.provenanceNote)
      try sheet.headers(
        [
          Headers.year, Headers.item, Headers.value, Headers.unit, Headers.file, Headers.line, Headers.sourceColumn,
          Headers.originalText, Headers.originalUnit, Headers.sourceHeader, Headers.transformations, Headers.flags,
        ], row: Layout.headerRow)
      let items = fuelItems + productItems + derivedClinkerItems + factorItems
      for (offset, item) in items.enumerated() { try writeItem(sheet, item, row: Layout.firstDataRow + offset) }
      try sheet.worksheet.freezePanes(row: Layout.firstDataRow, column: 1)
      if !items.isEmpty { try sheet.worksheet.autofilter(rows: Layout.headerRow...(Layout.firstDataRow + items.count - 1), columns: 0...11) }
      try sheet.legend(context.labels, row: Layout.firstDataRow + items.count + 1)
      try sheet.finish(maximum: 80)
    }

    private func writeItem(_ sheet: SheetBuilder, _ item: Item, row: Int) throws(XLSXError) {
      func joined(_ part: (SourceRecord) -> String?) -> String { item.sources.compactMap(part).joined(separator: "; ") }
      if let year = item.year { try sheet.write(.number(Double(year)), row, 0, Styles.year) }
      try sheet.text(item.name, row, 1)
      try sheet.write(.number(item.value), row, 2, Styles.highlighted(Styles.activity, Highlight.of(Set(item.flags))))
      try sheet.text(item.unit, row, 3)
      try sheet.text(joined { $0.location.file }, row, 4)
      // Line and column as numbers (sortable, filterable) when the value has one source.
      if item.sources.count == 1, let line = item.sources[0].location.line {
        try sheet.write(.number(Double(line)), row, 5, Styles.year)
      } else {
        try sheet.text(joined { $0.location.line.map(String.init) ?? $0.location.cell }, row, 5)
      }
      if item.sources.count == 1, let column = item.sources[0].location.column {
        try sheet.write(.number(Double(column)), row, 6, Styles.year)
      } else {
        try sheet.text(joined { $0.location.column.map(String.init) }, row, 6)
      }
      try sheet.text(joined { $0.originalText }, row, 7)
      try sheet.text(joined { $0.originalUnit }, row, 8)
      try sheet.text(joined { $0.label }, row, 9)
      try sheet.text(item.steps.joined(separator: " → "), row, 10)
      try sheet.text(item.flags.map(\.rawValue).joined(separator: ", "), row, 11)
    }

    /// Every fuel and year of the activity, then the table's total energy use.
    private var fuelItems: [Item] {
      let activity = context.account.activity
      let fuels = FuelCatalogue.standard.reportingOrder(activity.fuels.keys)
      let series = fuels.map { (Headers.name($0), activity.fuels[$0] ?? [:]) } + [(Headers.name(Fuel.totalEnergy), activity.totalEnergy)]
      return series.flatMap { name, values in
        values.sorted { $0.key < $1.key }.map { year, value in
          Item(
            year: year, name: name, value: value.value.reportingValue, unit: value.value.dimension.reportingUnit.symbol,
            sources: value.sources, steps: value.steps, flags: value.sortedFlags)
        }
      }
    }

    /// Cement and clinker output from the products table.
    private var productItems: [Item] {
      Product.allCases.flatMap { product in
        (context.account.activity.products[product] ?? [:]).sorted { $0.key < $1.key }.map { year, value in
          item(year, Headers.name(product), value)
        }
      }
    }

    /// Clinker the account derived (cement × ratio), where the products table has none.
    private var derivedClinkerItems: [Item] {
      let table = context.account.activity.products[.clinker] ?? [:]
      return context.account.years.flatMap { year in
        year.entries.compactMap { entry -> Item? in
          guard case .process(let clinker, _) = entry.calculation, clinker.flags.contains(.derived), table[year.year] == nil
          else { return nil }
          return item(year.year, Headers.name(Product.clinker), clinker)
        }
      }
    }

    /// Every factor term of the account's figures (NCV, carbon content, oxidation rate, grid and
    /// process factors, clinker ratio), in order of first use, with the methodology file, line
    /// and key it was read from and the file it was inherited from.
    private var factorItems: [Item] {
      var seen = Set<TermID>()
      var items: [Item] = []
      for entry in context.account.years.flatMap(\.entries) {
        for term in entry.figure.expression.terms where seen.insert(term.id).inserted {
          guard case .dataFile(let file, let line, let key, let inheritedFrom) = term.source else { continue }
          let record = SourceRecord(
            location: SourceLocation(file: file, line: line), originalText: key, originalUnit: "",
            label: inheritedFrom.map { "继承自 inherited from \($0)" } ?? "")
          items.append(Item(year: term.year, name: term.kind.description, value: term.value, unit: term.unit.description, sources: [record], steps: [], flags: []))
        }
      }
      return items
    }

    private func item(_ year: Int, _ name: String, _ value: Traced<Quantity<Mass>>) -> Item {
      let unit = MeasurementUnit<Mass>.tenThousandTonnes
      return Item(
        year: year, name: name, value: value.value.value(in: unit), unit: unit.symbol, sources: value.sources, steps: value.steps,
        flags: value.sortedFlags)
    }
  }
}
