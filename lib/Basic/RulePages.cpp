//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
//
// The rules' documentation pages, embedded at build time (lib/CMakeLists.txt
// generates the table; utils/check_rules.py makes sure every rule has one).
//
//===----------------------------------------------------------------------===//

#include "licit/Basic/RuleID.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include <utility>

using namespace llvm;

namespace licit {

#include "Embedded/RulePages.inc"

StringRef rulePage(RuleID ID) {
  StringRef Name = getRuleInfo(ID).Name;
  for (const auto &[Rule, Page] : RulePages)
    if (Rule == Name)
      return Page;
  return "";
}

std::string ruleDescription(RuleID ID) {
  StringRef Page = rulePage(ID);
  size_t Section = Page.find("\n## What it flags\n");
  if (Section == StringRef::npos)
    return getRuleInfo(ID).Summary.str();
  StringRef Body = Page.substr(Section).drop_front(18).ltrim('\n');
  StringRef Paragraph = Body.substr(0, Body.find("\n\n"));
  SmallVector<StringRef, 8> Lines;
  Paragraph.split(Lines, '\n');
  return join(map_range(Lines, [](StringRef L) { return L.trim(); }), " ");
}

std::string ruleHelpUrl(RuleID ID) {
  return (LICIT_DOCS_URL "rules/" + getRuleInfo(ID).Name + ".md").str();
}

} // namespace licit
