//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
//
// GGUF as ggml-org/ggml docs/gguf.md specifies it (little-endian);
// safetensors as huggingface/safetensors' README does.
//
//===----------------------------------------------------------------------===//

#include "licit/Formats/Gguf.h"
#include "licit/Formats/Json.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/Twine.h"
#include <cstring>

using namespace llvm;

namespace licit::weights {

StringRef Metadata::get(StringRef Key) const {
  const Entry *E = find(Key);
  return E ? StringRef(E->Value) : StringRef();
}

const Entry *Metadata::find(StringRef Key) const {
  for (const Entry &E : Entries)
    if (E.Key == Key)
      return &E;
  return nullptr;
}

bool looksLikeGguf(StringRef Bytes) { return Bytes.startswith("GGUF"); }

namespace {
/// GGUF's value types.
enum Type : uint32_t {
  U8,
  I8,
  U16,
  I16,
  U32,
  I32,
  F32,
  Bool,
  String,
  Array,
  U64,
  I64,
  F64,
  NumTypes
};

/// A cursor over the file that never reads past its end.
class Cursor {
public:
  explicit Cursor(StringRef B) : B(B) {}

  uint64_t at() const { return At; }
  bool need(uint64_t N) const { return B.size() - At >= N; }
  Error fail(const Twine &Why) const {
    return createStringError(inconvertibleErrorCode(),
                             "at byte " + Twine(At) + ": " + Why);
  }
  Expected<uint64_t> le(unsigned N) {
    if (!need(N))
      return fail("the file ends inside a " + Twine(N * 8) + "-bit field");
    uint64_t V = 0;
    for (unsigned I = 0; I != N; ++I)
      V |= uint64_t(uint8_t(B[At + I])) << (8 * I);
    At += N;
    return V;
  }
  Expected<StringRef> string() {
    Expected<uint64_t> Len = le(8);
    if (!Len)
      return Len.takeError();
    if (!need(*Len))
      return fail("a string of " + Twine(*Len) + " bytes runs past the end");
    StringRef S = B.substr(At, *Len);
    At += *Len;
    return S;
  }
  Error skip(uint64_t N) {
    if (!need(N))
      return fail(Twine(N) + " bytes run past the end");
    At += N;
    return Error::success();
  }

private:
  StringRef B;
  uint64_t At = 0;
};

uint64_t fixedSize(uint32_t T) {
  switch (T) {
  case U8:
  case I8:
  case Bool:
    return 1;
  case U16:
  case I16:
    return 2;
  case U32:
  case I32:
  case F32:
    return 4;
  case U64:
  case I64:
  case F64:
    return 8;
  default:
    return 0;
  }
}

/// Reads a value of type \p T; scalars are returned as text, arrays are
/// stepped over (an empty result).
Expected<std::string> value(Cursor &C, uint32_t T, unsigned Depth) {
  if (T >= NumTypes)
    return C.fail("unknown value type " + Twine(T));
  if (T == String) {
    Expected<StringRef> S = C.string();
    if (!S)
      return S.takeError();
    return S->str();
  }
  if (T == Array) {
    if (Depth > 4)
      return C.fail("arrays nested too deep");
    Expected<uint64_t> Elem = C.le(4);
    if (!Elem)
      return Elem.takeError();
    Expected<uint64_t> Count = C.le(8);
    if (!Count)
      return Count.takeError();
    if (*Elem >= NumTypes)
      return C.fail("unknown array element type " + Twine(*Elem));
    if (uint64_t Size = fixedSize(*Elem)) {
      if (*Count > UINT64_MAX / Size)
        return C.fail("an array of " + Twine(*Count) +
                      " elements runs past the end");
      if (Error E = C.skip(*Count * Size))
        return std::move(E);
      return std::string();
    }
    // Strings and arrays: each at least 8 bytes, so a lying count ends at
    // the end of the file.
    for (uint64_t I = 0; I != *Count; ++I) {
      if (!C.need(8))
        return C.fail("an array of " + Twine(*Count) +
                      " elements runs past the end");
      Expected<std::string> V = value(C, *Elem, Depth + 1);
      if (!V)
        return V.takeError();
    }
    return std::string();
  }
  uint64_t Size = fixedSize(T);
  Expected<uint64_t> Raw = C.le(Size);
  if (!Raw)
    return Raw.takeError();
  switch (T) {
  case Bool:
    return std::string(*Raw ? "true" : "false");
  case I8:
    return std::to_string(int8_t(*Raw));
  case I16:
    return std::to_string(int16_t(*Raw));
  case I32:
    return std::to_string(int32_t(*Raw));
  case I64:
    return std::to_string(int64_t(*Raw));
  case F32: {
    float F;
    uint32_t Bits = *Raw;
    std::memcpy(&F, &Bits, 4);
    return std::to_string(F);
  }
  case F64: {
    double D;
    uint64_t Bits = *Raw;
    std::memcpy(&D, &Bits, 8);
    return std::to_string(D);
  }
  default:
    return std::to_string(*Raw);
  }
}
} // namespace

Expected<Metadata> readGguf(StringRef Bytes) {
  Cursor C(Bytes);
  if (!looksLikeGguf(Bytes))
    return C.fail("not a GGUF file (no 'GGUF' magic)");
  cantFail(C.skip(4));
  Expected<uint64_t> Version = C.le(4);
  if (!Version)
    return Version.takeError();
  if (*Version < 2 || *Version > 3)
    return C.fail("GGUF version " + Twine(*Version) +
                  " (licit reads versions 2 and 3)");
  Expected<uint64_t> Tensors = C.le(8);
  if (!Tensors)
    return Tensors.takeError();
  Expected<uint64_t> Count = C.le(8);
  if (!Count)
    return Count.takeError();
  Metadata M;
  M.Format = ("GGUF v" + Twine(*Version)).str();
  // A key-value pair takes at least 12 bytes: a lying count ends early.
  for (uint64_t I = 0; I != *Count; ++I) {
    if (C.at() > MaxHeaderBytes)
      return C.fail("metadata larger than " + Twine(MaxHeaderBytes >> 20) +
                    " MiB");
    uint64_t At = C.at();
    Expected<StringRef> Key = C.string();
    if (!Key)
      return Key.takeError();
    Expected<uint64_t> T = C.le(4);
    if (!T)
      return T.takeError();
    Expected<std::string> V = value(C, *T, 0);
    if (!V)
      return V.takeError();
    if (*T != Array)
      M.Entries.push_back({Key->str(), std::move(*V), At});
  }
  return M;
}

Expected<Metadata> readSafetensors(StringRef Bytes) {
  Cursor C(Bytes);
  Expected<uint64_t> Size = C.le(8);
  if (!Size)
    return Size.takeError();
  if (*Size > MaxHeaderBytes)
    return C.fail("a header of " + Twine(*Size) + " bytes (licit reads up to " +
                  Twine(MaxHeaderBytes >> 20) + " MiB)");
  if (!C.need(*Size))
    return C.fail("a header of " + Twine(*Size) + " bytes runs past the end");
  StringRef Header = Bytes.substr(8, *Size);
  json::ParseResult Doc = json::parse(Header);
  if (!Doc.Root)
    return createStringError(
        inconvertibleErrorCode(),
        "at byte " + Twine(8 + Doc.ErrorOffset) +
            ": the header is not JSON: " + Doc.ErrorMessage);
  if (Doc.Root->Kind != json::Value::Object)
    return C.fail("the header is not a JSON object");
  Metadata M;
  M.Format = "safetensors";
  if (const json::Value *Meta = Doc.Root->get("__metadata__"))
    for (const auto &[Key, V] : Meta->Members)
      if (V.isString())
        M.Entries.push_back({Key, V.Str, 8 + uint64_t(V.Begin)});
  return M;
}

} // namespace licit::weights
