//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/Driver/Pipeline.h"
#include "licit/Driver/Suppressions.h"
#include "licit/Facts/ModelRef.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
#include <chrono>
#include <set>

using namespace llvm;

namespace licit {

namespace {
/// What one file's task produced; merged in input order afterwards.
struct FileResult {
  FactStore Facts;
  std::vector<Diagnostic> Diags;
  std::vector<double> Seconds;
  bool Checked = false;
  /// The pipeline read the file (its text was not in memory already).
  bool ReadHere = false;
};

double secondsSince(std::chrono::steady_clock::time_point Start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
      .count();
}
} // namespace

namespace {
/// A file mapped read-only, never copied. LLVM's MemoryBuffer reads a file
/// into a heap buffer of its whole size when it cannot map it (under a
/// memory limit): for a 10 GB weights file that is the very allocation the
/// limit is there to stop.
class MappedFile final : public MemoryBuffer {
public:
  MappedFile(sys::fs::mapped_file_region Region, StringRef Name)
      : Region(std::move(Region)), Name(Name.str()) {
    init(this->Region.const_data(),
         this->Region.const_data() + this->Region.size(),
         /*RequiresNullTerminator=*/false);
  }
  StringRef getBufferIdentifier() const override { return Name; }
  BufferKind getBufferKind() const override { return MemoryBuffer_MMap; }

private:
  sys::fs::mapped_file_region Region;
  std::string Name;
};
} // namespace

/// Files mapped larger than this are mapped here, never read.
constexpr uint64_t MapDirectlyBytes = 16 << 20;

/// Maps the \p Size bytes of the file at \p Path.
static ErrorOr<std::unique_ptr<MemoryBuffer>> mapFile(StringRef Path,
                                                      uint64_t Size) {
  Expected<sys::fs::file_t> FD = sys::fs::openNativeFileForRead(Path);
  if (!FD)
    return errorToErrorCode(FD.takeError());
  std::error_code EC;
  sys::fs::mapped_file_region Region(*FD, sys::fs::mapped_file_region::readonly,
                                     Size, 0, EC);
  sys::fs::closeFile(*FD);
  if (EC)
    return EC;
  return std::make_unique<MappedFile>(std::move(Region), Path);
}

/// Reads \p F as much as its kinds need. \returns false, with a diagnostic
/// in \p Sink, when it cannot or should not be read.
static bool readFile(vfs::FileSystem &FS, SourceFile &F,
                     const PipelineOptions &Options, DiagSink &Sink) {
  // In memory already: a buffer from stdin or an editor, a policy file, or
  // an earlier run's read (a Workspace user drops what changed on disk).
  if (F.Buffer)
    return true;
  ReadMode Mode = F.Kinds.readMode();
  if (Mode == ReadMode::None)
    return false;
  auto Skip = [&](const Twine &Why) {
    Sink.report(RuleID::InputSkipped, SourceRange::wholeFile(F.ID),
                "skipped: " + Why);
    return false;
  };
  auto Unreadable = [&](std::error_code EC) {
    Sink.report(RuleID::InputUnreadable, SourceRange::wholeFile(F.ID),
                "cannot read file: " + EC.message());
    return false;
  };
  ErrorOr<std::unique_ptr<vfs::File>> Open = FS.openFileForRead(F.Path);
  if (!Open)
    return Unreadable(Open.getError());
  // The size comes from the open file (one fstat here, in parallel, rather
  // than a stat per file in the walk).
  ErrorOr<vfs::Status> Status = (*Open)->status();
  if (!Status)
    return Unreadable(Status.getError());
  uint64_t Size = Status->getSize();
  if (Mode == ReadMode::Text && Size > Options.MaxFileSize)
    return Skip("larger than " + Twine(Options.MaxFileSize >> 20) + " MiB");
  // A mapped file is paged in only where a reader looks. A large one on
  // disk is mapped here or not at all (the file systems of tests and
  // editors hold their buffers in memory already).
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buffer = std::error_code();
  if (Mode == ReadMode::Mapped && Size > MapDirectlyBytes &&
      sys::fs::exists(F.AbsPath)) {
    Buffer = mapFile(F.AbsPath, Size);
    if (!Buffer)
      return Skip("cannot be mapped into memory (" +
                  Buffer.getError().message() + ")");
  } else {
    Buffer = (*Open)->getBuffer(F.Path, int64_t(Size),
                                /*RequiresNullTerminator=*/false,
                                /*IsVolatile=*/false);
    if (!Buffer)
      return Unreadable(Buffer.getError());
  }
  if (Mode == ReadMode::Text &&
      (*Buffer)->getBuffer().take_front(8192).contains('\0'))
    return Skip("binary content in a file named like text");
  F.setContents(std::move(*Buffer));
  F.Size = Size;
  return true;
}

/// Makes each reference one fact: files read on their own and through a
/// C++ unit that includes them can find the same one twice, and a literal
/// a use elsewhere reaches is that use's (as RefRecorder does within a
/// file). \returns the files the references point into.
static DenseSet<FileID> mergeModelRefs(FactStore &Facts) {
  using Key = std::tuple<FileID, unsigned, FileID, unsigned, std::string>;
  std::set<Key> Seen;
  DenseSet<std::pair<FileID, unsigned>> Reached;
  for (const ModelRef &R : Facts.all<ModelRef>())
    if (R.DefinedAt.hasOffsets())
      Reached.insert({R.DefinedAt.File, R.DefinedAt.Begin});
  Facts.removeIf<ModelRef>([&](const ModelRef &R) {
    if (!R.DefinedAt.hasFile() && R.Role == RefRole::Use &&
        Reached.count({R.Range.File, R.Range.Begin}))
      return true;
    return !Seen.insert({R.Range.File, R.Range.Begin, R.DefinedAt.File,
                         R.DefinedAt.Begin, R.ID})
                .second;
  });
  DenseSet<FileID> Referenced;
  for (const ModelRef &R : Facts.all<ModelRef>()) {
    Referenced.insert(R.Range.File);
    if (R.DefinedAt.hasFile())
      Referenced.insert(R.DefinedAt.File);
  }
  return Referenced;
}

PipelineStats runPipeline(vfs::FileSystem &FS, SourceFiles &Files,
                          ArrayRef<FileID> Inputs, ArrayRef<FileID> Explicit,
                          Pipeline &Passes, const PipelineOptions &Options,
                          FactStore &Facts, std::vector<Diagnostic> &Diags) {
  PassContext Ctx{Files, Options.Cache, Options.Installed, Options.Advisories,
                  Options.Compile};
  std::vector<FileResult> Results(Inputs.size());
  {
    ThreadPool Pool(Options.Threads ? hardware_concurrency(Options.Threads)
                                    : hardware_concurrency());
    for (size_t I = 0; I != Inputs.size(); ++I)
      Pool.async([&, I] {
        SourceFile &File = Files.get(Inputs[I]);
        FileResult &R = Results[I];
        R.Seconds.assign(Passes.FilePasses.size(), 0);
        DiagSink Input;
        // Files no selected pass accepts are never read.
        SmallVector<size_t, 4> Accepting;
        for (size_t PI = 0; PI != Passes.FilePasses.size(); ++PI)
          if (Passes.FilePasses[PI].Pass->accepts(File))
            Accepting.push_back(PI);
        if (Accepting.empty()) {
          // A policy file is read by the policy loader, for its directory.
          if (is_contained(Explicit, File.ID) &&
              !File.Kinds.contains(FileKind::Policy))
            Input.report(RuleID::InputSkipped, SourceRange::wholeFile(File.ID),
                         "skipped: no selected pass reads this kind of file");
          Input.moveTo(R.Diags);
          return;
        }
        R.ReadHere = !File.Buffer;
        if (!readFile(FS, File, Options, Input)) {
          Input.moveTo(R.Diags);
          return;
        }
        R.Checked = true;
        for (size_t PI : Accepting) {
          auto &Pass = Passes.FilePasses[PI];
          auto Start = std::chrono::steady_clock::now();
          DiagSink Sink(Pass.Info->Rules);
          Pass.Pass->run(File, Ctx, R.Facts, Sink);
          Sink.moveTo(R.Diags);
          R.Seconds[PI] += secondsSince(Start);
        }
        // The file's suppressions, while its text is at hand.
        if (File.Kinds.readMode() == ReadMode::Text) {
          DiagSink Sink(suppressionRules());
          findSuppressions(File, R.Facts, Sink);
          Sink.moveTo(R.Diags);
        }
        // Each pass reads in its own order; inventories list a file's
        // references as the file has them.
        // (A C++ unit's facts are in several files.)
        R.Facts.sort<ModelRef>([](const ModelRef &A, const ModelRef &B) {
          return std::make_pair(A.Range.File, A.Range.Begin) <
                 std::make_pair(B.Range.File, B.Range.Begin);
        });
      });
    Pool.wait();
  }
  PipelineStats Stats;
  for (auto &Pass : Passes.FilePasses)
    Stats.PassSeconds.emplace_back(Pass.Info->Name.str(), 0);
  // Merge in input order so the output never depends on scheduling.
  SmallVector<FileID, 16> Unused;
  for (size_t I = 0; I != Inputs.size(); ++I) {
    FileResult &R = Results[I];
    for (size_t PI = 0; PI != R.Seconds.size(); ++PI)
      Stats.PassSeconds[PI].second += R.Seconds[PI];
    Stats.FilesChecked += R.Checked;
    Stats.CFamilyChecked |=
        R.Checked && Files.get(Inputs[I]).Kinds.contains(FileKind::CFamily);
    if (R.ReadHere && R.Facts.empty() && R.Diags.empty())
      Unused.push_back(Inputs[I]);
    Facts.append(std::move(R.Facts));
    Diags.insert(Diags.end(), std::make_move_iterator(R.Diags.begin()),
                 std::make_move_iterator(R.Diags.end()));
  }
  DenseSet<FileID> Referenced = mergeModelRefs(Facts);
  // Keep the text a file's task read only while something points into it
  // (a C++ unit's facts point into the headers it includes).
  for (FileID ID : Unused)
    if (!Referenced.count(ID))
      Files.get(ID).dropContents();
  for (auto &Pass : Passes.ProjectPasses) {
    auto Start = std::chrono::steady_clock::now();
    DiagSink Sink(Pass.Info->Rules);
    Pass.Pass->run(Facts, Ctx, Sink);
    Sink.moveTo(Diags);
    Stats.PassSeconds.emplace_back(Pass.Info->Name.str(), secondsSince(Start));
  }
  return Stats;
}

} // namespace licit
