//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
//
// PKWARE's APPNOTE.TXT: the end of central directory record (and its ZIP64
// form), central directory headers, local headers. zlib inflates deflated
// members (raw deflate); LLVM Support already links it.
//
//===----------------------------------------------------------------------===//

#include "licit/Formats/Zip.h"
#include "llvm/ADT/Twine.h"
#include <zlib.h>

using namespace llvm;

namespace licit::zip {

static Error bad(const Twine &Why) {
  return createStringError(inconvertibleErrorCode(), Why);
}

/// Little-endian reads at offsets already checked to be in range.
static uint64_t le(StringRef B, uint64_t At, unsigned N) {
  uint64_t V = 0;
  for (unsigned I = 0; I != N; ++I)
    V |= uint64_t(uint8_t(B[At + I])) << (8 * I);
  return V;
}

bool looksLikeZip(StringRef Bytes) { return Bytes.startswith("PK\x03\x04"); }

Expected<std::vector<Member>> members(StringRef B) {
  // The end record: 22 bytes and a comment of up to 64 KiB, at the end.
  constexpr uint64_t EndSize = 22;
  if (B.size() < EndSize)
    return bad("too short for a ZIP archive");
  uint64_t End = B.size() - EndSize;
  uint64_t Lowest =
      B.size() > EndSize + 0xFFFF ? B.size() - EndSize - 0xFFFF : 0;
  while (!B.substr(End).startswith("PK\x05\x06")) {
    if (End == Lowest)
      return bad("no end of central directory record");
    --End;
  }
  uint64_t Count = le(B, End + 10, 2);
  uint64_t DirSize = le(B, End + 12, 4);
  uint64_t DirOffset = le(B, End + 16, 4);
  // ZIP64: a locator just before the end record points at the real one.
  if ((Count == 0xFFFF || DirSize == 0xFFFFFFFF || DirOffset == 0xFFFFFFFF) &&
      End >= 20 && B.substr(End - 20).startswith("PK\x06\x07")) {
    uint64_t At = le(B, End - 20 + 8, 8);
    if (At > B.size() || B.size() - At < 56 ||
        !B.substr(At).startswith("PK\x06\x06"))
      return bad("a ZIP64 locator points at no ZIP64 record");
    Count = le(B, At + 32, 8);
    DirSize = le(B, At + 40, 8);
    DirOffset = le(B, At + 48, 8);
  }
  if (DirOffset > B.size() || DirSize > B.size() - DirOffset)
    return bad("the central directory lies outside the file");
  std::vector<Member> Out;
  uint64_t At = DirOffset, DirEnd = DirOffset + DirSize;
  // Every header takes 46 bytes: a lying count cannot allocate more.
  for (uint64_t I = 0; I != Count && I <= DirSize / 46; ++I) {
    if (DirEnd - At < 46 || !B.substr(At).startswith("PK\x01\x02"))
      return bad("a central directory header is malformed");
    Member M;
    M.Method = le(B, At + 10, 2);
    M.CompressedSize = le(B, At + 20, 4);
    M.Size = le(B, At + 24, 4);
    uint64_t NameLen = le(B, At + 28, 2), ExtraLen = le(B, At + 30, 2),
             CommentLen = le(B, At + 32, 2);
    uint64_t Local = le(B, At + 42, 4);
    if (DirEnd - At - 46 < NameLen + ExtraLen + CommentLen)
      return bad("a central directory header runs past the directory");
    M.Name = B.substr(At + 46, NameLen).str();
    // The ZIP64 extra field holds the fields that did not fit, in order.
    StringRef Extra = B.substr(At + 46 + NameLen, ExtraLen);
    for (uint64_t E = 0; E + 4 <= Extra.size();) {
      uint64_t ID = le(Extra, E, 2), Len = le(Extra, E + 2, 2);
      if (Len > Extra.size() - E - 4)
        break;
      if (ID == 1) {
        uint64_t F = E + 4;
        auto Next = [&](uint64_t &Field) {
          if (Field == 0xFFFFFFFF && F + 8 <= E + 4 + Len) {
            Field = le(Extra, F, 8);
            F += 8;
          }
        };
        Next(M.Size);
        Next(M.CompressedSize);
        Next(Local);
      }
      E += 4 + Len;
    }
    if (Local > B.size() || B.size() - Local < 30 ||
        !B.substr(Local).startswith("PK\x03\x04"))
      return bad("member '" + M.Name + "' has no local header");
    M.DataOffset = Local + 30 + le(B, Local + 26, 2) + le(B, Local + 28, 2);
    if (M.DataOffset > B.size() || M.CompressedSize > B.size() - M.DataOffset)
      return bad("member '" + M.Name + "' runs past the end of the file");
    Out.push_back(std::move(M));
    At += 46 + NameLen + ExtraLen + CommentLen;
  }
  return Out;
}

Expected<StringRef> contents(StringRef B, const Member &M,
                             std::string &Storage) {
  StringRef Data = B.substr(M.DataOffset, M.CompressedSize);
  if (M.Size > MaxMemberBytes)
    return bad("member '" + M.Name + "' is larger than " +
               Twine(MaxMemberBytes >> 20) + " MiB");
  if (M.Method == 0)
    return Data.take_front(M.Size);
  if (M.Method != 8)
    return bad("member '" + M.Name + "' uses compression method " +
               Twine(M.Method));
  // Inflate exactly the declared size, never more.
  Storage.assign(M.Size, '\0');
  z_stream S = {};
  if (inflateInit2(&S, -MAX_WBITS) != Z_OK)
    return bad("zlib cannot start");
  S.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(Data.data()));
  S.avail_in = Data.size();
  S.next_out = reinterpret_cast<Bytef *>(Storage.data());
  S.avail_out = Storage.size();
  int Status = inflate(&S, Z_FINISH);
  uint64_t Got = S.total_out;
  inflateEnd(&S);
  if (Status != Z_STREAM_END || Got != M.Size)
    return bad("member '" + M.Name + "' does not inflate to its size");
  return StringRef(Storage);
}

} // namespace licit::zip
