//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// SPDX licence expressions ("MIT OR Apache-2.0", "GPL-2.0-or-later WITH
/// Classpath-exception-2.0", "LicenseRef-acme"), read into the licence
/// expression type, and the licence names packages write instead (Python
/// classifiers, "Apache 2.0", "BSD 3-Clause License") normalised to SPDX
/// where the name is unambiguous.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_DEPS_SPDX_H
#define LICIT_DEPS_SPDX_H

#include "licit/Facts/Resolution.h"
#include "llvm/ADT/Optional.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace licit::spdx {

/// Why an expression could not be read, and where.
struct Error {
  size_t Offset = 0;
  std::string Message;
};

/// Reads SPDX expression \p Text (SPDX 2.3 annex D: WITH binds tighter than
/// AND, AND than OR; operators in any case; "+" after an id). Leaves keep
/// ids as written ("GPL-2.0+" stays one leaf).
bool parse(llvm::StringRef Text, LicenceExpr &Out, Error &Err);

/// The SPDX expression a free-text licence or a trove classifier names
/// ("License :: OSI Approved :: MIT License" -> "MIT", "Apache License,
/// Version 2.0" -> "Apache-2.0"), or an SPDX expression as given. None
/// when the text is ambiguous ("BSD", "GPL") or unknown.
llvm::Optional<std::string> normalize(llvm::StringRef Text);

/// \returns true when \p Text is usable as an SPDX license id or
/// LicenseRef (letters, digits, '-', '.', and a trailing '+').
bool isIdentifier(llvm::StringRef Text);

} // namespace licit::spdx

#endif // LICIT_DEPS_SPDX_H
