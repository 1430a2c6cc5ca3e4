import Accounting
import CarbonCost
import Calculation
import CementModel
import XLSXWriting

extension WorkbookWriter {
  /// `Carbon cost`: the market parameters, then China's ETS per accounted year and the EU CBAM
  /// path per year and route, every figure a live formula rendered by ``ExcelFormula`` from the
  /// expression that computes it, over the account's cells (`Totals and shares`, `Process`) and
  /// the parameter cells of this sheet.
  struct CarbonCostSheet {
    static let name = "Carbon cost"
    let context: Context
    let cost: CarbonCostAccount

    /// One cell of the sheet as planned: a text, a number, or a formula with the tool's value.
    struct Planned {
      enum Content {
        case text(String)
        case number(Double)
        case formula(String, value: Double)
      }
      let row: Int
      let column: Int
      let content: Content
      let style: CellStyle?
    }

    private var labels: CarbonCostLabels { CarbonCostLabels(language: context.record.language) }

    func write(_ sheet: SheetBuilder) throws(XLSXError) {
      try sheet.title(labels.sheetTitle, subtitle: context.subtitle, note: labels.sheetNote)
      for cell in plan() {
        switch cell.content {
        case .text(let text): try sheet.text(text, cell.row, cell.column, cell.style ?? Styles.text)
        case .number(let x): try sheet.write(.number(x), cell.row, cell.column, cell.style)
        case .formula(let text, let value): try sheet.write(context.formula(text, value), cell.row, cell.column, cell.style)
        }
      }
      try sheet.finish()
    }

    /// Every cell below the title, in order: parameters, then one table per market.
    func plan() -> [Planned] {
      var cells: [Planned] = []
      var row = Layout.headerRow
      cells.append(Planned(row: row, column: 0, content: .text(labels.parameters), style: Styles.section))
      row += 1
      for (column, header) in labels.parameterHeaders.enumerated() { cells.append(Planned(row: row, column: column, content: .text(header), style: Styles.header)) }
      var bindings: [TermID: CellBinding] = [:]
      let byKey = parameterDetails()
      for term in cost.parameters {
        row += 1
        bindings[term.id] = .cell(sheetPrefix: "", reference: cellReference(row: row, column: 2, absolute: true), row: row, column: 2, scale: 1)
        let detail = byKey[term.id]
        cells.append(Planned(row: row, column: 0, content: .text(term.kind.description), style: Styles.text))
        if let year = term.year { cells.append(Planned(row: row, column: 1, content: .number(Double(year)), style: Styles.year)) }
        cells.append(Planned(row: row, column: 2, content: .number(term.value), style: Styles.factor))
        cells.append(Planned(row: row, column: 3, content: .text(term.unit.description), style: Styles.text))
        cells.append(Planned(row: row, column: 4, content: .text(detail?.source ?? term.source.description), style: Styles.text))
        cells.append(Planned(row: row, column: 5, content: .text(detail?.unverified == true ? labels.unverified : ""), style: Styles.text))
      }
      // Where each market figure goes: one table per market, a row per year, a column per
      // route and quantity in order of first appearance.
      var tables: [(market: Market, top: Int, columns: [String], years: [Int])] = []
      var figureCells: [FigureID: CellBinding] = [:]
      row += 2
      for market in cost.markets {
        let figures = cost.figures(of: market.name)
        guard !figures.isEmpty else { continue }
        var columns: [String] = []
        for f in figures where !columns.contains(Self.key(f)) { columns.append(Self.key(f)) }
        let years = Array(Set(figures.map(\.year))).sorted()
        let top = row
        for f in figures {
          let r = top + 2 + years.firstIndex(of: f.year)!
          let c = 1 + columns.firstIndex(of: Self.key(f))!
          figureCells[f.figure.id] = .cell(sheetPrefix: "", reference: cellReference(row: r, column: c, absolute: true), row: r, column: c, scale: 1)
        }
        tables.append((market, top, columns, years))
        row = top + 2 + years.count + 1
      }
      let renderer = ExcelFormula(cells: CostCells(terms: bindings.merging(accountBindings(), uniquingKeysWith: { a, _ in a }), figures: figureCells))
      for table in tables {
        cells.append(Planned(row: table.top, column: 0, content: .text(labels.marketTitle(table.market)), style: Styles.section))
        cells.append(Planned(row: table.top + 1, column: 0, content: .text(labels.year), style: Styles.header))
        let figures = cost.figures(of: table.market.name)
        for (index, key) in table.columns.enumerated() {
          guard let f = figures.first(where: { Self.key($0) == key }) else { continue }
          cells.append(
            Planned(row: table.top + 1, column: 1 + index, content: .text(labels.header(route: f.route, quantity: f.quantity, unit: f.unitLabel)), style: Styles.header))
        }
        for (index, year) in table.years.enumerated() {
          cells.append(Planned(row: table.top + 2 + index, column: 0, content: .number(Double(year)), style: Styles.year))
        }
        for f in figures {
          guard case .cell(_, _, let r, let c, _)? = figureCells[f.figure.id] else { continue }
          let style = f.unitLabel.hasPrefix("tCO2/t") ? Styles.activity : Styles.emissions
          cells.append(Planned(row: r, column: c, content: .formula(renderer.formula(f.figure.expression), value: f.figure.value), style: style))
        }
      }
      return cells
    }

    /// A figure's column key: route and quantity.
    static func key(_ f: CostFigure) -> String { "\(f.route)|\(f.quantity)" }

    /// The source and unverified flag of each parameter, from the markets.
    func parameterDetails() -> [TermID: MarketParameter] {
      var result: [TermID: MarketParameter] = [:]
      func add(_ p: MarketParameter) { result[p.term.id] = p }
      for market in cost.markets {
        switch market {
        case .chinaETS(let m):
          m.price.values.forEach(add)
          add(m.threshold)
          for rule in m.allocation.values { if case .intensity(let b, let a) = rule { add(b); add(a) } }
        case .euCBAM(let m):
          for g in m.goods { add(g.defaultValue); add(g.benchmark) }
          m.markup.values.forEach(add)
          m.freeAllocationShare.values.forEach(add)
          m.certificatePrice.values.forEach(add)
          [m.crossSectoralCorrection, m.exchangeRate, m.deductionPrice, m.deductionNetShare, m.deMinimis].forEach(add)
        case .study: break
        }
      }
      return result
    }

    /// The account's cells: combustion, electricity and process CO₂ on `Totals and shares`,
    /// cement and clinker output on `Process`, all in 10⁴ t.
    func accountBindings() -> [TermID: CellBinding] {
      typealias N = AccountFigures.Name
      let places: [(String, String, Int)] = [
        (N.combustion, Layout.Sheet.totals, TotalsColumns.combustion), (N.electricity, Layout.Sheet.totals, TotalsColumns.electricity),
        (N.process, Layout.Sheet.totals, TotalsColumns.process), (N.cement, Layout.Sheet.process, ProcessColumns.cement),
        (N.clinker, Layout.Sheet.process, ProcessColumns.clinker),
      ]
      var result: [TermID: CellBinding] = [:]
      for year in context.layout.years {
        guard let row = context.layout.row(year) else { continue }
        for (name, sheet, column) in places {
          result[TermID(kind: .accountFigure(name), year: year, scope: cost.province)] = .cell(
            sheetPrefix: quotedSheetName(sheet) + "!", reference: cellReference(row: row, column: column, absolute: true), row: row, column: column,
            scale: 1e4)
        }
      }
      return result
    }
  }

  /// The sheet's map of terms and figures to cells.
  struct CostCells: CellMap {
    let terms: [TermID: CellBinding]
    let figures: [FigureID: CellBinding]
    func binding(for term: TermID) -> CellBinding? { terms[term] }
    func binding(for figure: FigureID) -> CellBinding? { figures[figure] }
  }
}
