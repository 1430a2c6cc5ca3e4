import Accounting
import Calculation
import CementModel
import XLSXWriting

extension WorkbookWriter {
  /// A cell of the workbook holding a term or a figure, with the scale of the unit it is shown
  /// in (base units per unit shown: 10 000 for a cell in 10⁴ t).
  struct Place: Hashable, Sendable {
    let sheet: String
    let row: Int
    let column: Int
    let scale: Double
  }

  /// Where every term and figure of the account is written, worked out from the ``Layout``:
  /// the map the formula renderer (``ExcelFormula``) reads. No sheet writes formula text.
  struct WorkbookCells {
    private(set) var terms: [TermID: Place] = [:]
    private(set) var figures: [FigureID: Place] = [:]

    init(_ account: Account, layout: Layout) {
      typealias S = Layout.Sheet
      let tenThousandTonnes = MeasurementUnit<CO2Mass>.tenThousandTonnesCO2.toBase
      let factors = layout.factors
      for fuel in factors.fuels {
        guard let row = factors.row(fuel), let fuelFactors = account.methodology.factorSet.fuels[fuel] else { continue }
        let ncv = NCVDisplay(fuelFactors.netCalorificValue)
        terms[TermID(kind: .netCalorificValue(fuel: fuel.id))] = Place(sheet: S.factors, row: row, column: FactorsRows.ncv, scale: 1 / ncv.denominatorToBase)
        terms[TermID(kind: .carbonContent(fuel: fuel.id))] = Place(
          sheet: S.factors, row: row, column: FactorsRows.carbonContent, scale: MeasurementUnit<HeatEnergy>.gigajoules.toBase / MeasurementUnit<HeatEnergy>.terajoules.toBase)
        terms[TermID(kind: .oxidationRate(fuel: fuel.id))] = Place(sheet: S.factors, row: row, column: FactorsRows.oxidationRate, scale: 1)
        figures[FigureID("emission-factor/\(fuel.id)")] = Place(sheet: S.factors, row: row, column: FactorsRows.factorPerHeat, scale: 1)
      }
      for (year, row) in factors.gridRows {
        terms[TermID(kind: .gridFactor, year: year)] = Place(sheet: S.factors, row: row, column: FactorsRows.sectionValue, scale: 1)
      }
      terms[TermID(kind: .processFactor)] = Place(sheet: S.factors, row: factors.processFactor, column: FactorsRows.sectionValue, scale: 1)
      for (year, row) in factors.ratioRows {
        terms[TermID(kind: .clinkerRatio, year: year)] = Place(sheet: S.factors, row: row, column: FactorsRows.sectionValue, scale: 1)
      }
      for year in layout.years {
        guard let row = layout.row(year) else { continue }
        for fuel in layout.activity.fuels {
          guard let column = layout.activity.cement(fuel), let dimension = FuelCatalogue.standard[fuel]?.dimension else { continue }
          let kind: TermKind = fuel == .electricity ? .electricityConsumption : .fuelConsumption(fuel: fuel.id)
          terms[TermID(kind: kind, year: year)] = Place(sheet: S.activity, row: row, column: column, scale: dimension.reportingUnit.toBase)
        }
        for fuel in layout.combustion.sources {
          guard let column = layout.combustion.column(fuel) else { continue }
          let scope = fuel == .electricity ? Scope.electricity : .combustion
          figures[FigureID("\(scope)/\(fuel.id)", year: year)] = Place(sheet: S.combustion, row: row, column: column, scale: tenThousandTonnes)
        }
        let mass = MeasurementUnit<Mass>.tenThousandTonnes.toBase
        terms[TermID(kind: .cementOutput, year: year)] = Place(sheet: S.process, row: row, column: ProcessColumns.cement, scale: mass)
        terms[TermID(kind: .clinkerOutput, year: year)] = Place(sheet: S.process, row: row, column: ProcessColumns.clinker, scale: mass)
        figures[FigureID("clinker", year: year)] = Place(sheet: S.process, row: row, column: ProcessColumns.clinker, scale: mass)
        figures[FigureID("process/calcination", year: year)] = Place(sheet: S.process, row: row, column: ProcessColumns.emissions, scale: tenThousandTonnes)
        for aggregate in Aggregate.allCases {
          figures[FigureID(aggregate.rawValue, year: year)] = Place(sheet: S.totals, row: row, column: TotalsColumns.column(aggregate), scale: tenThousandTonnes)
        }
      }
    }

    /// The map as seen from a cell of `sheet`: cells of the same sheet are written without the
    /// sheet's name; cells of the `absolute` sheets with `$`; `local` terms are taken from the
    /// sheet's own copies (the Process sheet's factor and ratio columns).
    func seen(from sheet: String, absolute: Set<String> = [Layout.Sheet.factors], local: [TermID: Place] = [:]) -> SheetCells {
      SheetCells(cells: self, sheet: sheet, absolute: absolute, local: local)
    }
  }

  /// ``WorkbookCells`` from one sheet: the ``CellMap`` of its formulas.
  struct SheetCells: CellMap {
    let cells: WorkbookCells
    let sheet: String
    let absolute: Set<String>
    let local: [TermID: Place]

    func binding(for term: TermID) -> CellBinding? {
      if term == Term.carbonToCO2.id { return .text("44/12") }
      return (local[term] ?? cells.terms[term]).map(binding)
    }

    func binding(for figure: FigureID) -> CellBinding? { cells.figures[figure].map(binding) }

    private func binding(_ place: Place) -> CellBinding {
      let same = place.sheet == sheet
      let reference = cellReference(row: place.row, column: place.column, absolute: !same && absolute.contains(place.sheet))
      return .cell(sheetPrefix: same ? "" : quotedSheetName(place.sheet) + "!", reference: reference, row: place.row, column: place.column, scale: place.scale)
    }

    /// Whether every term of `expression` has a cell (or is a constant), looking into the
    /// figures that have none: the formula then refers to the workbook only.
    func covers(_ expression: Expression) -> Bool {
      switch expression {
      case .term(let term):
        if case .constant = term.kind { return true }
        return binding(for: term.id) != nil
      case .figure(let id, let inner): return binding(for: id) != nil || covers(inner)
      case .sum(let es), .product(let es): return es.allSatisfy(covers)
      case .difference(let a, let b), .quotient(let a, let b), .maximum(let a, let b), .minimum(let a, let b): return covers(a) && covers(b)
      case .power(let a, _): return covers(a)
      }
    }

    /// The formula text (without `=`, as the sheets write it) of `expression` in a cell showing base units divided by `scale`, or nil when
    /// a term has no cell to refer to.
    func formula(_ expression: Expression, scale: Double, minimumRangeSum: Int = 3) -> String? {
      covers(expression) ? ExcelFormula(cells: self, minimumRangeSum: minimumRangeSum).text(expression, scale: scale) : nil
    }
  }
}
