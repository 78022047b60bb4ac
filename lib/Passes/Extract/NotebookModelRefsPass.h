//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Finds model references in the code cells of Jupyter notebooks.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_LIB_PASSES_EXTRACT_NOTEBOOKMODELREFSPASS_H
#define LICIT_LIB_PASSES_EXTRACT_NOTEBOOKMODELREFSPASS_H

#include "licit/Pass/Pass.h"

namespace licit::extract {

/// Decodes each Python code cell of a .ipynb file (nbformat 4, and 3's
/// worksheets) into a derived text mapped back to the JSON bytes, and reads
/// it with python::extractModelRefs, so every location and fix-it lands on
/// the notebook's own bytes (escapes preserved). IPython shell escapes and
/// line magics ("!pip ...", "%pip ...") are blanked out of the Python, and
/// cells run by a non-Python cell magic ("%%bash") are skipped. Markdown
/// and raw cells and every output are ignored; so is a notebook whose
/// kernel is not Python. A file that is not a notebook is input-malformed.
class NotebookModelRefsPass : public FilePass {
public:
  static llvm::ArrayRef<RuleID> rules();
  bool accepts(const SourceFile &File) const override {
    return File.Kinds.contains(FileKind::Notebook);
  }
  void run(const SourceFile &File, const PassContext &Ctx, FactStore &Facts,
           DiagSink &Diags) override;
};

} // namespace licit::extract

#endif // LICIT_LIB_PASSES_EXTRACT_NOTEBOOKMODELREFSPASS_H
