/// How a term or a figure appears in a workbook: a cell (with the scale of the unit it is
/// shown in) or a text to write in its place (`44/12`).
public enum CellBinding: Sendable, Hashable {
  /// A cell: `sheetPrefix` is the quoted sheet name with its `!` (empty on the same sheet),
  /// `reference` the A1 text (`$C$6`), `row` and `column` 0-based, and `scale` the base units
  /// per unit shown (10 000 for a cell in 10⁴ t).
  case cell(sheetPrefix: String, reference: String, row: Int, column: Int, scale: Double)
  /// A text written in place of the value (`44/12`), in base units.
  case text(String)
}

/// The workbook's map from terms and figures to where they are written. A term or figure the
/// map does not know is written as its value (a term) or expanded as its expression (a figure).
public protocol CellMap {
  /// Where the term is written, or nil.
  func binding(for term: TermID) -> CellBinding?
  /// Where the figure is written, or nil.
  func binding(for figure: FigureID) -> CellBinding?
}

/// Renders an ``Expression`` as the text of an Excel formula through a ``CellMap``: the one
/// place that writes formula text. The rendered formula computes, over the cells, the value the
/// expression computes in Swift, shown in the target cell's unit (`scale`).
public struct ExcelFormula {
  /// The map of cells.
  public let cells: any CellMap
  /// The fewest operands of a sum over one contiguous row or column written as `SUM(first:last)`.
  public let minimumRangeSum: Int

  /// A renderer over `cells`.
  public init(cells: any CellMap, minimumRangeSum: Int = 3) {
    self.cells = cells
    self.minimumRangeSum = minimumRangeSum
  }

  /// The formula (with its leading `=`) computing `expression` in a cell that shows base units
  /// divided by `scale`.
  public func formula(_ expression: Expression, scale: Double = 1) -> String {
    "=" + text(expression, scale: scale)
  }

  /// The formula text without `=`.
  public func text(_ expression: Expression, scale: Double = 1) -> String {
    let rendered = render(expression)
    return Self.rescaled(rendered, by: rendered.scale / scale).text
  }

  // MARK: Rendering

  /// A rendered operand: `text` evaluates to base value / `scale`; `precedence` says whether it
  /// needs parentheses inside another operation.
  struct Rendered {
    var text: String
    var scale: Double
    var precedence: Precedence
  }

  enum Precedence: Int, Comparable {
    case sum = 1, product = 2, power = 3, atom = 4
    static func < (a: Precedence, b: Precedence) -> Bool { a.rawValue < b.rawValue }
  }

  func render(_ expression: Expression) -> Rendered {
    switch expression {
    case .term(let term):
      switch cells.binding(for: term.id) {
      case .cell(let prefix, let reference, _, _, let scale)?: return Rendered(text: prefix + reference, scale: scale, precedence: .atom)
      case .text(let text)?: return Rendered(text: text, scale: 1, precedence: Self.precedence(of: text))
      case nil: return Self.literal(term.value)
      }
    case .figure(let id, let inner):
      switch cells.binding(for: id) {
      case .cell(let prefix, let reference, _, _, let scale)?: return Rendered(text: prefix + reference, scale: scale, precedence: .atom)
      case .text(let text)?: return Rendered(text: text, scale: 1, precedence: Self.precedence(of: text))
      case nil: return render(inner)
      }
    case .sum(let operands):
      if let range = rangeSum(operands) { return range }
      return joined(operands.map(render), separator: "+")
    case .difference(let a, let b):
      return joined([render(a), render(b)], separator: "-", rightNeedsParentheses: true)
    case .product(let factors):
      let parts = factors.map(render)
      let scale = parts.reduce(1.0) { $0 * $1.scale }
      let text = parts.map { Self.wrapped($0, above: .product) }.joined(separator: "*")
      return Rendered(text: text, scale: scale, precedence: parts.count == 1 ? parts[0].precedence : .product)
    case .quotient(let a, let b):
      let top = render(a)
      let bottom = render(b)
      let text = Self.wrapped(top, above: .product) + "/" + Self.wrapped(bottom, above: .power)
      return Rendered(text: text, scale: top.scale / bottom.scale, precedence: .product)
    case .power(let a, let p):
      let base = render(a)
      let exponent = Self.exponentText(p)
      return Rendered(text: Self.wrapped(base, above: .power) + "^" + exponent, scale: Expression.raise(base.scale, p), precedence: .power)
    case .maximum(let a, let b): return function("MAX", [render(a), render(b)])
    case .minimum(let a, let b): return function("MIN", [render(a), render(b)])
    }
  }

  /// `SUM(first:last)` when every operand is a cell of one sheet, in one row or one column,
  /// contiguous, in order and of one scale.
  func rangeSum(_ operands: [Expression]) -> Rendered? {
    guard operands.count >= minimumRangeSum else { return nil }
    var cellsFound: [(prefix: String, reference: String, row: Int, column: Int, scale: Double)] = []
    for operand in operands {
      let binding: CellBinding?
      switch operand {
      case .term(let t): binding = cells.binding(for: t.id)
      case .figure(let id, _): binding = cells.binding(for: id)
      default: binding = nil
      }
      guard case .cell(let prefix, let reference, let row, let column, let scale)? = binding else { return nil }
      cellsFound.append((prefix, reference, row, column, scale))
    }
    let first = cellsFound[0]
    let sameRow = cellsFound.enumerated().allSatisfy { $1.row == first.row && $1.column == first.column + $0 }
    let sameColumn = cellsFound.enumerated().allSatisfy { $1.column == first.column && $1.row == first.row + $0 }
    guard sameRow || sameColumn, cellsFound.allSatisfy({ $0.prefix == first.prefix && $0.scale == first.scale }) else { return nil }
    return Rendered(text: "SUM(\(first.prefix)\(first.reference):\(cellsFound.last!.reference))", scale: first.scale, precedence: .atom)
  }

  /// Operands joined by `+` or `-`, each brought to the first operand's scale.
  func joined(_ parts: [Rendered], separator: String, rightNeedsParentheses: Bool = false) -> Rendered {
    guard let scale = parts.first?.scale else { return Self.literal(0) }
    let texts = parts.enumerated().map { index, part -> String in
      let aligned = Self.rescaled(part, by: part.scale / scale)
      return index > 0 && rightNeedsParentheses ? Self.wrapped(aligned, above: .product) : aligned.text
    }
    return Rendered(text: texts.joined(separator: separator), scale: scale, precedence: parts.count == 1 ? parts[0].precedence : .sum)
  }

  func function(_ name: String, _ parts: [Rendered]) -> Rendered {
    let scale = parts[0].scale
    let texts = parts.map { Self.rescaled($0, by: $0.scale / scale).text }
    return Rendered(text: "\(name)(\(texts.joined(separator: ",")))", scale: scale, precedence: .atom)
  }

  /// `part` multiplied by `factor` (written `*k` or `/k`, whichever reads as the plainer
  /// number), so that its scale becomes `part.scale / factor`.
  static func rescaled(_ part: Rendered, by factor: Double) -> Rendered {
    if factor == 1 { return part }
    let inverse = 1 / factor
    let useDivision = inverse == inverse.rounded() && factor != factor.rounded()
    let text = wrapped(part, above: .product) + (useDivision ? "/" + Expression.literal(inverse) : "*" + Expression.literal(factor))
    return Rendered(text: text, scale: part.scale / factor, precedence: .product)
  }

  static func wrapped(_ part: Rendered, above: Precedence) -> String {
    part.precedence < above ? "(\(part.text))" : part.text
  }

  static func literal(_ value: Double) -> Rendered {
    let text = Expression.literal(value)
    return Rendered(text: text, scale: 1, precedence: value < 0 ? .sum : .atom)
  }

  static func exponentText(_ p: Double) -> String {
    if p == p.rounded() { return Expression.literal(p) }
    let inverse = 1 / p
    if inverse == inverse.rounded() { return "(1/\(Expression.literal(inverse)))" }
    return Expression.literal(p)
  }

  /// A bound text is an atom unless it holds an operator outside parentheses.
  static func precedence(of text: String) -> Precedence {
    var depth = 0
    var lowest = Precedence.atom
    for (index, byte) in text.utf8.enumerated() {
      if byte == UInt8(ascii: "(") { depth += 1 }
      if byte == UInt8(ascii: ")") { depth -= 1 }
      guard depth == 0 else { continue }
      if (byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")) && index > 0 { lowest = min(lowest, .sum) }
      if byte == UInt8(ascii: "*") || byte == UInt8(ascii: "/") { lowest = min(lowest, .product) }
      if byte == UInt8(ascii: "^") { lowest = min(lowest, .power) }
    }
    return lowest
  }
}
