import XLSXWriting

/// The running page header and footer of every workbook the tool writes (province, national,
/// diff): the document's title and the sheet on top, the tool and "page x of y" below.
enum PrintLayout {
  /// The header: the title at the left, the sheet's name at the right.
  static func header(title: String) -> HeaderFooter {
    HeaderFooter(left: title, right: HeaderFooter.sheet)
  }

  /// The footer: what wrote the workbook at the left, the page of the pages at the right.
  static func footer(_ language: Language, tool: String) -> HeaderFooter {
    let page =
      language == .zh
        ? "第 \(HeaderFooter.page) 页，共 \(HeaderFooter.pages) 页" : "Page \(HeaderFooter.page) of \(HeaderFooter.pages)"
    return HeaderFooter(left: tool, right: page)
  }

  /// Sets the workbook's running header and footer; call before adding its sheets.
  static func apply(to workbook: Workbook, title: String, language: Language, tool: String = "cement-accounts") {
    workbook.pageHeader = header(title: title)
    workbook.pageFooter = footer(language, tool: tool)
  }
}
