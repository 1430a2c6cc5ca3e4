import Mustache

// The view model's fields for templates, by name. Mustache would otherwise find each field with
// a `Mirror` of its object, which made those look-ups most of the report's rendering time.
// Every stored property is listed under its Swift name (`Templates/README.md`); a test checks
// each list against the properties.

extension ReportModel: MustacheParent {
  public func child(named key: String) -> Any? {
    switch key {
    case "language": language
    case "toolVersion": toolVersion
    case "province": province
    case "provinceID": provinceID
    case "period": period
    case "firstYear": firstYear
    case "lastYear": lastYear
    case "yearCount": yearCount
    case "referenceDate": referenceDate
    case "units": units
    case "figure": figure
    case "summary": summary
    case "method": method
    case "combustion": combustion
    case "process": process
    case "totals": totals
    case "marks": marks
    case "hasMarks": hasMarks
    case "stages": stages
    case "structure": structure
    case "checks": checks
    case "verification": verification
    case "provenance": provenance
    case "carbonCost": carbonCost
    case "uncertainty": uncertainty
    default: nil
    }
  }
}

extension ReportModel.Units: MustacheParent {
  public func child(named key: String) -> Any? {
    switch key {
    case "table": table
    case "mass": mass
    case "megatonnes": megatonnes
    case "megatonnesCO2": megatonnesCO2
    default: nil
    }
  }
}

extension ReportModel.Figure: MustacheParent {
  public func child(named key: String) -> Any? {
    switch key {
    case "file": file
    case "alt": alt
    default: nil
    }
  }
}

extension ReportModel.Summary: MustacheParent {
  public func child(named key: String) -> Any? {
    switch key {
    case "total": total
    case "combustion": combustion
    case "electricity": electricity
    case "energy": energy
    case "process": process
    case "stageSeries": stageSeries
    case "peakYear": peakYear
    case "peak": peak
    case "hasPeak": hasPeak
    case "firstTotal": firstTotal
    case "lastTotal": lastTotal
    default: nil
    }
  }
}

extension ReportModel.Method: MustacheParent {
  public func child(named key: String) -> Any? {
    switch key {
    case "name": name
    case "title": title
    case "files": files
    case "factorSet": factorSet
    case "grid": grid
    case "processFactor": processFactor
    case "clinker": clinker
    case "allocation": allocation
    case "gapFilling": gapFilling
    case "copiedYears": copiedYears
    default: nil
    }
  }
}

extension ReportModel.FactorSet: MustacheParent {
  public func child(named key: String) -> Any? {
    switch key {
    case "name": name
    case "source": source
    case "rows": rows
    case "carbonContentUnit": carbonContentUnit
    case "emissionFactorUnit": emissionFactorUnit
    default: nil
    }
  }
}

extension ReportModel.FactorRow: MustacheParent {
  public func child(named key: String) -> Any? {
    switch key {
    case "fuel": fuel
    case "netCalorificValue": netCalorificValue
    case "netCalorificValueUnit": netCalorificValueUnit
    case "carbonContent": carbonContent
    case "oxidationRate": oxidationRate
    case "emissionFactor": emissionFactor
    default: nil
    }
  }
}

extension ReportModel.Grid: MustacheParent {
  public func child(named key: String) -> Any? {
    switch key {
    case "value": value
    case "unit": unit
    case "isByYear": isByYear
    case "source": source
    case "isAssumption": isAssumption
    default: nil
    }
  }
}

extension ReportModel.ProcessFactor: MustacheParent {
  public func child(named key: String) -> Any? {
    switch key {
    case "value": value
    case "unit": unit
    case "source": source
    default: nil
    }
  }
}

extension ReportModel.Clinker: MustacheParent {
  public func child(named key: String) -> Any? {
    switch key {
    case "sentence": sentence
    case "isFromTable": isFromTable
    case "source": source
    default: nil
    }
  }
}

extension ReportModel.Allocation: MustacheParent {
  public func child(named key: String) -> Any? {
    switch key {
    case "share": share
    case "source": source
    default: nil
    }
  }
}

extension ReportModel.Rule: MustacheParent {
  public func child(named key: String) -> Any? {
    switch key {
    case "name": name
    case "sentence": sentence
    default: nil
    }
  }
}

extension ReportModel.CombustionTable: MustacheParent {
  public func child(named key: String) -> Any? {
    switch key {
    case "columns": columns
    case "rows": rows
    default: nil
    }
  }
}

extension ReportModel.CombustionRow: MustacheParent {
  public func child(named key: String) -> Any? {
    switch key {
    case "year": year
    case "cells": cells
    case "total": total
    default: nil
    }
  }
}

extension ReportModel.ProcessTable: MustacheParent {
  public func child(named key: String) -> Any? {
    switch key {
    case "rows": rows
    default: nil
    }
  }
}

extension ReportModel.ProcessRow: MustacheParent {
  public func child(named key: String) -> Any? {
    switch key {
    case "year": year
    case "cement": cement
    case "clinker": clinker
    case "emissions": emissions
    default: nil
    }
  }
}

extension ReportModel.TotalsTable: MustacheParent {
  public func child(named key: String) -> Any? {
    switch key {
    case "leadingFuel": leadingFuel
    case "rows": rows
    default: nil
    }
  }
}

extension ReportModel.TotalsRow: MustacheParent {
  public func child(named key: String) -> Any? {
    switch key {
    case "year": year
    case "combustion": combustion
    case "electricity": electricity
    case "energy": energy
    case "process": process
    case "total": total
    case "processShare": processShare
    case "leadingFuelShare": leadingFuelShare
    default: nil
    }
  }
}

extension ReportModel.Mark: MustacheParent {
  public func child(named key: String) -> Any? {
    switch key {
    case "symbol": symbol
    case "meaning": meaning
    case "years": years
    default: nil
    }
  }
}

extension ReportModel.Stages: MustacheParent {
  public func child(named key: String) -> Any? {
    switch key {
    case "series": series
    case "declared": declared
    case "hasDeclared": hasDeclared
    case "peakSentence": peakSentence
    case "suggestionSentence": suggestionSentence
    case "suggested": suggested
    case "hasSuggested": hasSuggested
    default: nil
    }
  }
}

extension ReportModel.Stage: MustacheParent {
  public func child(named key: String) -> Any? {
    switch key {
    case "name": name
    case "first": first
    case "last": last
    case "base": base
    case "start": start
    case "end": end
    case "compoundGrowth": compoundGrowth
    case "meanGrowth": meanGrowth
    case "change": change
    case "peakYear": peakYear
    case "peak": peak
    case "sentence": sentence
    default: nil
    }
  }
}

extension ReportModel.Structure: MustacheParent {
  public func child(named key: String) -> Any? {
    switch key {
    case "leadingFuel": leadingFuel
    case "leadingFuelSentence": leadingFuelSentence
    case "processShareSentence": processShareSentence
    case "processShareFirst": processShareFirst
    case "processShareLast": processShareLast
    case "hasYears": hasYears
    default: nil
    }
  }
}

extension ReportModel.Checks: MustacheParent {
  public func child(named key: String) -> Any? {
    switch key {
    case "filled": filled
    case "hasFilled": hasFilled
    case "warnings": warnings
    case "hasWarnings": hasWarnings
    case "notes": notes
    case "hasNotes": hasNotes
    default: nil
    }
  }
}

extension ReportModel.FilledYears: MustacheParent {
  public func child(named key: String) -> Any? {
    switch key {
    case "flag": flag
    case "meaning": meaning
    case "years": years
    case "symbol": symbol
    default: nil
    }
  }
}

extension ReportModel.Verification: MustacheParent {
  public func child(named key: String) -> Any? {
    switch key {
    case "tables": tables
    case "hasTables": hasTables
    default: nil
    }
  }
}

extension ReportModel.PublishedComparison: MustacheParent {
  public func child(named key: String) -> Any? {
    switch key {
    case "title": title
    case "citation": citation
    case "unit": unit
    case "tolerance": tolerance
    case "cellsCompared": cellsCompared
    case "cellsAgree": cellsAgree
    case "cellsDiffer": cellsDiffer
    case "allCellsAgree": allCellsAgree
    case "differingCells": differingCells
    case "statementsChecked": statementsChecked
    case "statementsHold": statementsHold
    case "statementsFail": statementsFail
    case "hasStatements": hasStatements
    case "failedStatements": failedStatements
    case "hasFailedStatements": hasFailedStatements
    case "holdingStatements": holdingStatements
    default: nil
    }
  }
}

extension ReportModel.DifferingCell: MustacheParent {
  public func child(named key: String) -> Any? {
    switch key {
    case "location": location
    case "year": year
    case "column": column
    case "published": published
    case "recomputed": recomputed
    case "difference": difference
    default: nil
    }
  }
}

extension ReportModel.FailedStatement: MustacheParent {
  public func child(named key: String) -> Any? {
    switch key {
    case "id": id
    case "quote": quote
    case "gives": gives
    case "location": location
    default: nil
    }
  }
}

extension ReportModel.Provenance: MustacheParent {
  public func child(named key: String) -> Any? {
    switch key {
    case "inputFiles": inputFiles
    case "hasInputFiles": hasInputFiles
    case "methodologyFiles": methodologyFiles
    case "publishedFiles": publishedFiles
    case "hasPublishedFiles": hasPublishedFiles
    case "factors": factors
    case "hasFactors": hasFactors
    default: nil
    }
  }
}

extension ReportModel.ProvenanceFactorRow: MustacheParent {
  public func child(named key: String) -> Any? {
    switch key {
    case "name": name
    case "year": year
    case "value": value
    case "unit": unit
    case "source": source
    default: nil
    }
  }
}

extension ReportModel.InputFileRow: MustacheParent {
  public func child(named key: String) -> Any? {
    switch key {
    case "path": path
    case "role": role
    case "encoding": encoding
    case "sha256": sha256
    default: nil
    }
  }
}
