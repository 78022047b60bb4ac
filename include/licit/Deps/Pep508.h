//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Python dependency specifiers (PEP 508, as packaging.requirements reads
/// them) and requirements files (pip's format: options, includes,
/// continuations, comments), read into slices of their text so that every
/// part keeps its place in the file.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_DEPS_PEP508_H
#define LICIT_DEPS_PEP508_H

#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace licit::pep508 {

/// One requirement: each part a slice of the text it was read from, empty
/// (with a null data pointer) when absent.
struct Requirement {
  llvm::StringRef Name;
  /// "[gpu,extra]", brackets included.
  llvm::StringRef Extras;
  /// "==2.1.0", ">=2,<3", "(>=1.0)": the specifier as written.
  llvm::StringRef Spec;
  /// A direct reference: "name @ https://..." or a bare URL or path.
  llvm::StringRef Url;
  /// After ";": "python_version < '3.11'".
  llvm::StringRef Marker;
};

/// Why a specifier could not be read, and where (an offset into it).
struct Error {
  size_t Offset = 0;
  std::string Message;
};

/// Reads the dependency specifier \p Text (surrounding blanks allowed).
/// \returns false with \p Err set when it is not one.
bool parseRequirement(llvm::StringRef Text, Requirement &Out, Error &Err);

/// PEP 503's normal form of a project name: lower case, each run of '-',
/// '_' and '.' one '-'.
std::string normalizeName(llvm::StringRef Name);

/// The version an exact specifier pins ("==2.1.0", "===2.1", "== 2.1");
/// empty for ranges, wildcards ("==2.*") and several clauses.
llvm::StringRef pinnedVersion(llvm::StringRef Spec);

/// One logical line of a requirements file.
struct Line {
  enum KindTy : unsigned char {
    /// A requirement (Req), possibly editable ("-e ...") or with options
    /// such as --hash after it.
    Requirement,
    /// "-r FILE" / "--requirement FILE": more requirements (Arg).
    Include,
    /// "-c FILE" / "--constraint FILE": versions for others (Arg).
    Constraint,
    /// Any other option ("--index-url", "-f", "--pre"): not a dependency.
    Option,
    /// Text that is none of these (Err says why).
    Invalid
  };
  KindTy Kind = Option;
  pep508::Requirement Req;
  bool Editable = false;
  /// The file an include or constraint names, as written.
  llvm::StringRef Arg;
  Error Err;
  /// The line as the file writes it (continuations included; comments and
  /// the options after a requirement left out).
  llvm::StringRef Text;
};

/// Reads a requirements file: one entry per requirement, include,
/// constraint or option line; blank and comment lines are skipped. Lines
/// continued with '\' are one line, and every part is a slice of \p Text
/// (a continuation inside a specifier is read as a blank).
std::vector<Line> readRequirementsFile(llvm::StringRef Text);

} // namespace licit::pep508

#endif // LICIT_DEPS_PEP508_H
