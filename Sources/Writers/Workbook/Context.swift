import Accounting
import Calculation
import CementModel
import Verification
import XLSXWriting

extension WorkbookWriter {
  /// A cell of the workbook: sheet, row and column (0-based).
  struct CellPosition: Hashable, Sendable {
    let sheet: String
    let row: Int
    let column: Int
  }

  /// What every sheet writer needs: the record, its labels, the layout, and the cells that
  /// differ from a published table.
  struct Context {
    let record: RunRecord
    let labels: Labels
    let layout: Layout
    /// Where every term and figure is written, for the formula renderer.
    let cells: WorkbookCells
    let options: WorkbookWriter.Options
    /// Cells whose figure a published table gives differently.
    let differing: Set<CellPosition>

    init(_ record: RunRecord, options: WorkbookWriter.Options) {
      self.record = record
      self.options = options
      labels = .of(record.language)
      layout = Layout(record)
      cells = WorkbookCells(record.account, layout: layout)
      let processSources = Set(record.account.sources.filter { $0.scope == .process }.map(\.source))
      differing = Self.differingCells(record.verification, layout: layout, processSources: processSources)
    }

    var account: Account { record.account }
    var methodology: Methodology { record.account.methodology }
    var subtitle: String {
      labels.sheetSubtitle(
        account.province, methodology.name, layout.years.first ?? methodology.years.lowerBound,
        layout.years.last ?? methodology.years.upperBound)
    }

    /// A formula cell caching the tool's own value (or 0, for the recalculation test; see
    /// ``WorkbookWriter/Options``).
    func formula(_ text: String, _ value: Double) -> CellValue {
      .formula(text, cachedValue: options.cachesComputedValues ? value : 0)
    }

    /// A formula cell rendering `expression` as seen from `sheet` in a cell showing base units
    /// divided by `scale`, caching `value`; the value alone when a term has no cell.
    func figure(_ expression: Expression, _ value: Double, on cells: SheetCells, scale: Double, minimumRangeSum: Int = 3) -> CellValue {
      cells.formula(expression, scale: scale, minimumRangeSum: minimumRangeSum).map { formula($0, value) } ?? .number(value)
    }

    /// A figure's highlight: its flags, or a published table that disagrees with it.
    func highlight(_ flags: Set<Flag>, sheet: String, row: Int, column: Int) -> Highlight? {
      Highlight.of(flags, differs: differing.contains(CellPosition(sheet: sheet, row: row, column: column)))
    }

    /// The cells of the workbook that hold the figure a published cell gives, for each published
    /// cell that does not agree with the account.
    static func differingCells(_ reports: [VerificationReport], layout: Layout, processSources: Set<String>) -> Set<CellPosition> {
      var cells: Set<CellPosition> = []
      for report in reports {
        let selectors = Dictionary(report.table.columns.map { ($0.name, $0.selector) }, uniquingKeysWith: { first, _ in first })
        for check in report.differingCells {
          guard let selector = selectors[check.cell.column], let row = layout.row(check.cell.year) else { continue }
          cells.formUnion(positions(of: selector, row: row, layout: layout, processSources: processSources))
        }
      }
      return cells
    }

    /// Every cell showing the figure `selector` picks out, in the year of `row`.
    private static func positions(
      of selector: SeriesSelector, row: Int, layout: Layout, processSources: Set<String>
    ) -> [CellPosition] {
      typealias S = Layout.Sheet
      switch selector {
      case .aggregate(let aggregate):
        var cells = [CellPosition(sheet: S.totals, row: row, column: TotalsColumns.column(aggregate))]
        switch aggregate {
        case .energy: cells.append(CellPosition(sheet: S.combustion, row: row, column: layout.combustion.total))
        case .process: cells.append(CellPosition(sheet: S.process, row: row, column: ProcessColumns.emissions))
        case .electricity:
          if let column = layout.combustion.column(.electricity) { cells.append(CellPosition(sheet: S.combustion, row: row, column: column)) }
        case .combustion, .total: break
        }
        return cells
      case .source(let source):
        if let column = layout.combustion.column(Fuel(source)) { return [CellPosition(sheet: S.combustion, row: row, column: column)] }
        if processSources.contains(source) { return [CellPosition(sheet: S.process, row: row, column: ProcessColumns.emissions)] }
        return []
      }
    }
  }
}
