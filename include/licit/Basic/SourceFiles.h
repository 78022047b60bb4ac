//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The file registry and the one location model. Every location licit
/// keeps — of a diagnostic, a note, a fact, a fix edit — is a byte range in
/// a file of the registry, so a note can point into another file than its
/// diagnostic and a diagnostic stays meaningful after the run that made it.
/// Text a pass decoded (a notebook cell, a JSON string's value) is a
/// SourceText with an offset map: ranges and edits in it land on the
/// original file's bytes. One function turns byte offsets into lines and
/// columns, in bytes and in UTF-16 code units.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_BASIC_SOURCEFILES_H
#define LICIT_BASIC_SOURCEFILES_H

#include "licit/Basic/FileKind.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/MemoryBuffer.h"
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace licit {

class CompiledPolicy;

/// A file of a SourceFiles registry; 0 is no file.
using FileID = unsigned;

/// A byte range [Begin, End) in one file. A range with a file but without
/// offsets names the file as a whole (a file that could not be read).
struct SourceRange {
  static constexpr unsigned NoOffset = ~0u;
  FileID File = 0;
  unsigned Begin = NoOffset;
  unsigned End = NoOffset;

  static SourceRange wholeFile(FileID F) { return {F, NoOffset, NoOffset}; }
  bool hasFile() const { return File != 0; }
  bool hasOffsets() const { return File != 0 && Begin != NoOffset; }
  bool operator==(const SourceRange &O) const {
    return File == O.File && Begin == O.Begin && End == O.End;
  }
};

/// One edit of a fix: replace the bytes of Range with Text (already in the
/// file's own encoding, e.g. JSON-escaped inside a notebook).
struct Edit {
  SourceRange Range;
  std::string Text;
  bool operator==(const Edit &O) const {
    return Range == O.Range && Text == O.Text;
  }
};

/// A line and column, both 1-based. Column counts bytes (clang's text
/// output); Utf16Column counts UTF-16 code units (LSP, SARIF).
struct Position {
  unsigned Line = 0;
  unsigned Column = 0;
  unsigned Utf16Column = 0;
};

/// How replacement text must be written to land in a file's bytes.
enum class Escaping : unsigned char {
  None,
  /// Inside a JSON string: quotes, backslashes and controls escaped.
  JsonString
};

/// \returns \p Path made absolute against the working directory, with "."
/// and ".." removed: the spelling policy discovery and path globs use.
std::string absolutePath(llvm::StringRef Path);

/// \returns \p AbsPath relative to directory \p Root with '/' separators
/// when it is inside it, else \p AbsPath unchanged: the path form of
/// baselines and SARIF, stable wherever licit runs from.
std::string pathRelativeTo(llvm::StringRef AbsPath, llvm::StringRef Root);

/// \returns \p Text written for a context with escaping \p E.
std::string escapeText(Escaping E, llvm::StringRef Text);

/// A parsed form of a file's text (its JSON or TOML tree), kept with the
/// file so that every reader shares one parse. Formats/ defines the forms
/// and their accessors (json::parsed, parsedToml).
struct ParsedForm {
  virtual ~ParsedForm();
};

/// The parsed forms a file can have.
enum class FormKind : unsigned char { Json, Toml };
constexpr unsigned NumFormKinds = 2;

/// A file found by discovery, named on the command line or read as a
/// policy, its kinds, and its contents once read.
struct SourceFile {
  FileID ID = 0;
  /// The path as licit prints it (relative when the user gave one).
  std::string Path;
  /// The absolute path with symbolic links resolved where the file exists:
  /// the registry's key, and what policy path globs match against.
  std::string AbsPath;
  FileKindSet Kinds;
  /// The size on disk, known once the file is opened.
  uint64_t Size = 0;
  /// A built-in buffer (a shipped policy pack, a knowledge table): never
  /// written by --fix.
  bool Builtin = false;
  /// The policy governing this file, settled before extraction.
  const CompiledPolicy *Policy = nullptr;
  /// What was read: the whole file, or its header for a large binary. Null
  /// until read, and for files nothing needed to read.
  std::unique_ptr<llvm::MemoryBuffer> Buffer;

  llvm::StringRef text() const {
    return Buffer ? Buffer->getBuffer() : llvm::StringRef();
  }

  /// \returns the parsed form \p K of the text, building it with
  /// \p Parse the first time. Thread-safe.
  const ParsedForm &
  parsed(FormKind K,
         llvm::function_ref<std::unique_ptr<ParsedForm>()> Parse) const;
  /// Replaces the contents (an editor's unsaved buffer, a new version
  /// between runs); what was derived from the old text goes with it.
  void setContents(std::unique_ptr<llvm::MemoryBuffer> NewBuffer);
  /// Frees the text and what was derived from it (nothing points into it).
  void dropContents() { setContents(nullptr); }

private:
  friend class SourceFiles;
  /// Guards what is derived from the text, built on first use.
  mutable std::mutex DerivedMutex;
  mutable std::unique_ptr<ParsedForm> Parsed[NumFormKinds];
  /// Offsets where lines begin.
  mutable std::vector<unsigned> LineStarts;
  /// Each character wider in UTF-8 than in UTF-16 (every non-ASCII one),
  /// decoded line by line: where it starts, its length in bytes, and the
  /// bytes-minus-units of it and all before it. Makes a UTF-16 column
  /// cost a binary search, not a scan of a (possibly megabyte-long) line.
  struct WideChar {
    unsigned Start;
    unsigned Length;
    unsigned CumulativeExcess;
  };
  mutable std::vector<WideChar> WideChars;
};

/// The registry of every file a run touches. Files are deduplicated by
/// absolute real path, so `licit a.py a.py` and `licit . ./a.py` read a.py
/// once. Registration is single-threaded (discovery, policy loading);
/// reading a file's contents and computing positions are safe from the
/// parallel phase, one task per file.
class SourceFiles {
public:
  SourceFiles();
  ~SourceFiles();

  /// Registers the file at \p Path (as printed), keyed by \p AbsPath.
  /// \returns its id and whether it was new.
  std::pair<FileID, bool> add(llvm::StringRef Path, llvm::StringRef AbsPath);
  /// Registers a built-in buffer, e.g. "<builtin>/default.toml". \p Text
  /// must outlive the registry.
  FileID addBuiltin(llvm::StringRef Name, llvm::StringRef Text);

  /// \returns the file registered under absolute real path \p AbsPath, or
  /// 0.
  FileID find(llvm::StringRef AbsPath) const;

  SourceFile &get(FileID ID) { return *Files[ID - 1]; }
  const SourceFile &get(FileID ID) const { return *Files[ID - 1]; }
  llvm::StringRef path(FileID ID) const { return get(ID).Path; }
  unsigned size() const { return Files.size(); }

  /// \returns the line and columns of byte \p Offset in file \p ID, whose
  /// contents must have been read. Lines end at "\n", "\r\n" or a lone
  /// "\r". An offset past the end is clamped to it.
  Position position(FileID ID, unsigned Offset) const;
  /// \returns the bytes of the line holding \p Offset, without its end.
  llvm::StringRef lineText(FileID ID, unsigned Offset) const;

private:
  const std::vector<unsigned> &lineStarts(const SourceFile &F) const;
  /// Clamps \p Offset to the text and \returns the index of its line.
  unsigned lineIndex(const SourceFile &F, unsigned &Offset) const;

  std::deque<std::unique_ptr<SourceFile>> Files;
  llvm::StringMap<FileID> ByAbsPath;
};

/// Text a pass reads, and the map from its bytes back to the file they came
/// from. A pass reports every location through it, so a location in decoded
/// text lands on the original bytes.
class SourceText {
public:
  /// One run of decoded bytes and where it came from. Verbatim runs map
  /// byte for byte; an escape (e.g. "\n" in JSON) maps as a whole.
  struct Segment {
    unsigned Decoded;
    unsigned Original;
    unsigned DecodedLength;
    unsigned OriginalLength;
    bool verbatim() const { return DecodedLength == OriginalLength; }
  };

  /// A file's own bytes.
  SourceText(FileID File, llvm::StringRef Text) : File(File), Text(Text) {}

  /// Text decoded from file \p File; \p Map covers it in order.
  SourceText(FileID File, std::string Decoded, std::vector<Segment> Map,
             Escaping E);

  SourceText(SourceText &&) = default;
  SourceText &operator=(SourceText &&) = default;

  llvm::StringRef text() const { return Text; }
  FileID file() const { return File; }
  Escaping escaping() const { return Esc; }

  /// \returns the range of the original file spelling \p Sub, which must
  /// point into text().
  SourceRange range(llvm::StringRef Sub) const;
  /// \returns an edit replacing \p Sub (in text()) with \p Replacement,
  /// escaped as the original file needs.
  Edit edit(llvm::StringRef Sub, llvm::StringRef Replacement) const;

private:
  unsigned mapBegin(unsigned Offset) const;
  unsigned mapEnd(unsigned Offset) const;

  FileID File;
  /// Owns decoded text; empty for a file's own bytes.
  std::unique_ptr<std::string> Owned;
  llvm::StringRef Text;
  std::vector<Segment> Map;
  Escaping Esc = Escaping::None;
};

} // namespace licit

#endif // LICIT_BASIC_SOURCEFILES_H
