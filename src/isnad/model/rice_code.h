// Golomb-Rice coding of a strictly increasing list of 32-bit values, for sets of hashed keys
// (ner/crf_model.h's feature fingerprints): n random keys in [0, 2^32) take about
// log2(2^32 / n) + 2 bits each instead of 32.
//
// Encoded form (little-endian):
//   k        u8   the Rice parameter, 0..31, chosen to minimize the size
//   length   u32  bytes of the bit stream that follows
//   bits     the gaps g[0] = v[0], g[i] = v[i] - v[i-1] - 1, each as (g >> k) one bits, a zero
//            bit, then the low k bits of g, least significant first; bits fill each byte from
//            its least significant end, and the last byte is padded with zeros
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "isnad/model/binary_io.h"
#include "isnad/status.h"

namespace isnad {

// Appends the encoded form of `increasing` (which must be strictly increasing) to *out.
void AppendRiceCoded(const std::vector<uint32_t>& increasing, std::string* out);

// Reads `count` values written by AppendRiceCoded from *reader into *out. kDataLoss when the
// bytes are truncated, the values overflow 32 bits, or bytes are left in the stream beyond its
// padding.
Status ReadRiceCoded(ByteReader* reader, size_t count, std::vector<uint32_t>* out);

}  // namespace isnad
