import Writers

/// `index.md`, written into every output folder beside the files it lists: what each file is,
/// and the command that wrote them, so that a folder sent on its own explains itself.
public enum OutputIndex {
  /// The command line of this process, as a person would type it again (`cement-accounts run --inputs …`).
  public static var command: String {
    let arguments = CommandLine.arguments.dropFirst().map(quoted)
    return (["cement-accounts"] + arguments).joined(separator: " ")
  }

  /// The index of a folder holding `files` (names within the folder), written by `command`.
  public static func markdown(title: String, files: [String], command: String, language: Language) -> String {
    var lines = ["# \(title)", ""]
    lines.append(language == .zh ? "本文件夹由以下命令写出：" : "This folder was written by:")
    lines += ["", "    \(command)", ""]
    lines.append(language == .zh ? "文件：" : "Files:")
    lines.append("")
    for file in files where file != "index.md" {
      lines.append("- [`\(file)`](\(file)) — \(describe(file, language))")
    }
    lines.append("")
    lines.append(
      language == .zh
        ? "各文件一并写出：先以临时名称写入本文件夹，全部完成后才一起改名就位。"
        : "The files were written together: under temporary names in this folder, renamed into place once all were complete.")
    return lines.joined(separator: "\n") + "\n"
  }

  /// What a file of the tool is, in a few words.
  static func describe(_ file: String, _ language: Language) -> String {
    let zh = language == .zh
    switch file {
    case "emissions.csv": return zh ? "每个数字，机器可读（吨 CO₂，全精度）" : "every figure, machine-readable (t CO₂, full precision)"
    case "workbook.xlsx": return zh ? "核算工作簿：每项排放为可重算的公式，追溯到来源单元格" : "the account as a workbook: every emission a live formula, traced to its source cell"
    case "report.md": return zh ? "报告：方法、表 1–3、阶段、结构、核对与来源" : "the report: method, Tables 1–3, stages, structure, checks and provenance"
    case "report-figure.svg": return zh ? "报告的图：各燃料及过程排放逐年堆积" : "the report's figure: emissions by fuel and process, stacked by year"
    case "national.xlsx": return zh ? "全国工作簿：各省并列、排名与逐年合计" : "the national workbook: provinces side by side, ranked, and their sum by year"
    case "national.md": return zh ? "全国报告" : "the national report"
    case "national-provinces.csv": return zh ? "各省一行：合计、分项、强度、峰值年（整洁表）" : "one row per province: totals, parts, intensity, peak year (a tidy table)"
    case "national-years.csv": return zh ? "每年一行：全国合计（整洁表）" : "one row per year: the national sum (a tidy table)"
    case "diff.md": return zh ? "两次核算的比较" : "the comparison of the two accounts"
    case "diff.xlsx": return zh ? "比较工作簿" : "the comparison as a workbook"
    case "diff-attribution.csv": return zh ? "每项变化按方法学选择组分解，精确到克（整洁表）" : "each change split by group of choices, in whole grams (a tidy table)"
    default:
      if file.hasSuffix(".svg") { return zh ? "报告中的图" : "a figure of the report" }
      if file.hasSuffix(".csv") { return zh ? "机器可读的表" : "a machine-readable table" }
      return zh ? "本次运行写出的文件" : "a file of this run"
    }
  }

  /// An argument quoted for a POSIX shell when it needs it.
  static func quoted(_ argument: String) -> String {
    let plain = !argument.isEmpty && argument.allSatisfy { $0.isLetter || $0.isNumber || "-_./=:,+@%".contains($0) }
    return plain ? argument : "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}

extension StagedFiles {
  /// Stages `index.md`, listing every file staged so far.
  mutating func stageIndex(title: String, language: Language) throws(PipelineError) {
    let text = OutputIndex.markdown(title: title, files: stagedNames + ["index.md"], command: OutputIndex.command, language: language)
    try stage("index.md", bytes: Array(text.utf8))
  }
}
