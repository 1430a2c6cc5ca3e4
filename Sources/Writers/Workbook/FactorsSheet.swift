import Accounting
import Calculation
import CementModel
import XLSXWriting

extension WorkbookWriter {
  /// `Factors`: every factor the account used. The emission factor per GJ is the live formula
  /// `CC × OF × 44/12 / 1000` (formula 3 of the study) and the factor per physical unit is
  /// `NCV × EF`, so a changed carbon content or oxidation rate flows through to every emission.
  struct FactorsSheet {
    let context: Context

    private var rows: FactorsRows { context.layout.factors }
    private typealias C = FactorsRows

    func write(_ sheet: SheetBuilder) throws(XLSXError) {
      let factorSet = context.methodology.factorSet
      try sheet.title(context.labels.factorsTitle, subtitle: context.subtitle, note: factorSet.name)
      try sheet.headers(
        [
          Headers.fuel, Headers.ncvUnit, Headers.ncv, Headers.carbonContent, Headers.oxidationRate,
          Headers.emissionFactorPerHeat, Headers.emissionFactorPerUnit, Headers.emissionFactorUnit, Headers.source,
        ], row: Layout.headerRow)
      for fuel in rows.fuels {
        guard let factors = factorSet.fuels[fuel], let row = rows.row(fuel) else { continue }
        try writeFuel(sheet, fuel: fuel, factors: factors, row: row)
      }
      try writeGrid(sheet)
      try writeProcess(sheet)
      try writeClinker(sheet)
      try sheet.worksheet.freezePanes(row: Layout.firstDataRow, column: 1)
      try sheet.finish()
    }

    private func writeFuel(_ sheet: SheetBuilder, fuel: Fuel, factors: FuelFactors, row: Int) throws(XLSXError) {
      let ncv = NCVDisplay(factors.netCalorificValue)
      let perHeat = StudyFormulas.emissionFactor(carbonContent: factors.carbonContent, oxidationRate: factors.oxidationRate)
        .value(in: .tonnesCO2, per: .gigajoules)
      try sheet.text(Headers.name(fuel), row, C.fuel)
      try sheet.text(ncv.unit, row, C.ncvUnit)
      try sheet.write(.number(ncv.value), row, C.ncv, Styles.factor)
      try sheet.write(.number(factors.carbonContent.value(in: .tonnesOfCarbon, per: .terajoules)), row, C.carbonContent, Styles.factor)
      try sheet.write(.number(factors.oxidationRate.value), row, C.oxidationRate, Styles.factor)
      let cells = context.cells.seen(from: sheet.name)
      let emissionFactor = Accountant.emissionFactor(fuel, factors, context.methodology)
      try sheet.write(context.figure(emissionFactor.expression, perHeat, on: cells, scale: 1), row, C.factorPerHeat, Styles.factorPerHeat)
      let perUnit = Expression.product([.term(AccountTerms.netCalorificValue(fuel, factors, context.methodology)), emissionFactor.reference])
      try sheet.write(
        context.figure(perUnit, ncv.value * perHeat, on: cells, scale: 1 / ncv.denominatorToBase), row, C.factorPerUnit, Styles.factorPerUnit)
      try sheet.text(ncv.factorUnit, row, C.factorUnit)
      try sheet.text(factors.source, row, C.source, fits: false)
    }

    private func writeGrid(_ sheet: SheetBuilder) throws(XLSXError) {
      let electricity = context.methodology.electricity
      try sheet.section(context.labels.gridSection, row: rows.gridSection)
      try sheet.headers([Headers.year, Headers.gridFactor, Headers.source, Headers.assumed], row: rows.gridSection + 1)
      for (year, row) in rows.gridRows {
        guard let factor = electricity.gridFactor.value(for: year ?? context.layout.years.first ?? 0) else { continue }
        try writeYear(sheet, year, row)
        try sheet.write(.number(factor.value(in: .tonnesCO2, per: .megawattHours)), row, C.sectionValue, Styles.factor)
        try sheet.text(electricity.source, row, 2, fits: false)
        try sheet.text(electricity.isAssumption ? context.labels.yes : context.labels.no, row, 3)
      }
    }

    private func writeProcess(_ sheet: SheetBuilder) throws(XLSXError) {
      let factor = context.methodology.process.emissionFactor
      try sheet.section(context.labels.processFactorSection, row: rows.processSection)
      try sheet.headers([Headers.item, Headers.processFactor, Headers.source, Headers.assumed], row: rows.processSection + 1)
      try sheet.text(Headers.name(Product.clinker), rows.processFactor, 0)
      try sheet.write(.number(factor.value.value(in: .tonnesCO2, per: .tonnes)), rows.processFactor, C.sectionValue, Styles.factor)
      try sheet.text(factor.source, rows.processFactor, 2, fits: false)
      try sheet.text(factor.isAssumption ? context.labels.yes : context.labels.no, rows.processFactor, 3)
    }

    private func writeClinker(_ sheet: SheetBuilder) throws(XLSXError) {
      try sheet.section(context.labels.clinkerSection, row: rows.clinkerSection)
      guard case .cementTimesRatio(let ratios, let source) = context.methodology.process.clinker else {
        try sheet.text(context.labels.clinkerFromTable, rows.clinkerSection + 1, 0, Styles.note, fits: false)
        return
      }
      try sheet.text(context.labels.clinkerFromCement, rows.clinkerSection + 1, 0, Styles.note, fits: false)
      try sheet.headers([Headers.year, Headers.clinkerRatio, Headers.source], row: rows.clinkerSection + 2)
      for (year, row) in rows.ratioRows {
        guard let ratio = ratios.value(for: year ?? context.layout.years.first ?? 0) else { continue }
        try writeYear(sheet, year, row)
        try sheet.write(.number(ratio), row, C.sectionValue, Styles.factor)
        try sheet.text(source, row, 2, fits: false)
      }
    }

    /// The year of a by-year row, or "all years" for a constant.
    private func writeYear(_ sheet: SheetBuilder, _ year: Int?, _ row: Int) throws(XLSXError) {
      if let year {
        try sheet.write(.number(Double(year)), row, 0, Styles.year)
      } else {
        try sheet.text(context.labels.allYears, row, 0)
      }
    }
  }

  /// A net calorific value as the Factors sheet shows it: GJ/t for solids and liquids,
  /// GJ/10⁴ m³ for gases, as the guidelines print them.
  struct NCVDisplay {
    let value: Double
    let unit: String
    /// The unit of the emission factor per physical unit, `NCV × EF`.
    let factorUnit: String
    /// The activity dimension the NCV applies to.
    let dimension: ActivityDimension
    /// Base units of the dimension (t, m³) in the NCV's denominator.
    let denominatorToBase: Double

    init(_ ncv: NetCalorificValue) {
      switch ncv {
      case .perMass(let rate):
        value = rate.value(in: .gigajoules, per: .tonnes)
        (unit, factorUnit, dimension) = ("GJ/t", "t CO₂/t", .mass)
        denominatorToBase = MeasurementUnit<Mass>.tonnes.toBase
      case .perVolume(let rate):
        let per = MeasurementUnit<GasVolume>.tenThousandCubicMetres
        value = rate.value(in: .gigajoules, per: per)
        (unit, factorUnit, dimension) = ("GJ/\(per.symbol)", "t CO₂/\(per.symbol)", .gasVolume)
        denominatorToBase = per.toBase
      }
    }
  }
}
