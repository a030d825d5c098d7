#include "isnad/model/rice_code.h"

#include <gtest/gtest.h>

#include <random>
#include <set>

namespace isnad {
namespace {

std::vector<uint32_t> RoundTrip(const std::vector<uint32_t>& values, std::string* encoded = nullptr) {
  std::string bytes = "prefix";
  AppendRiceCoded(values, &bytes);
  bytes += "after";
  ByteReader r(bytes);
  EXPECT_EQ(r.Bytes(6), "prefix");
  std::vector<uint32_t> read = {42};
  const Status s = ReadRiceCoded(&r, values.size(), &read);
  EXPECT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(r.Bytes(5), "after");  // exactly its own bytes were consumed
  if (encoded) *encoded = bytes.substr(6, bytes.size() - 11);
  return read;
}

TEST(RiceCode, RoundTripsEdgeValues) {
  EXPECT_TRUE(RoundTrip({}).empty());
  for (const std::vector<uint32_t>& v : std::vector<std::vector<uint32_t>>{
           {0}, {UINT32_MAX}, {0, 1, 2, 3}, {0, UINT32_MAX}, {7, 1000, 1u << 31, UINT32_MAX - 1, UINT32_MAX}}) {
    EXPECT_EQ(RoundTrip(v), v);
  }
  // The parameter is chosen by size: one large value takes k = 31, not 2^32 unary bits.
  std::string encoded;
  RoundTrip({UINT32_MAX}, &encoded);
  EXPECT_EQ(encoded.size(), 1u + 4u + 5u);  // k, length, 33 bits
}

TEST(RiceCode, RandomKeysTakeAboutTwoBitsMoreThanTheirGaps) {
  std::mt19937 rng(3);
  std::set<uint32_t> keys;
  while (keys.size() < 50000) keys.insert(static_cast<uint32_t>(rng()));
  const std::vector<uint32_t> v(keys.begin(), keys.end());
  std::string encoded;
  EXPECT_EQ(RoundTrip(v, &encoded), v);
  // log2(2^32 / 50000) = 16.4 bits a key, plus about 2 for the quotient: under 20 bits each.
  EXPECT_LT(encoded.size() * 8, v.size() * 20);
  EXPECT_GT(encoded.size() * 8, v.size() * 16);
}

TEST(RiceCode, RejectsTruncatedAndInconsistentBytes) {
  const std::vector<uint32_t> v = {5, 900, 70000, 4000000000u};
  std::string bytes;
  AppendRiceCoded(v, &bytes);
  std::vector<uint32_t> out;
  for (size_t n = 0; n < bytes.size(); ++n) {
    ByteReader r(std::string_view(bytes).substr(0, n));
    EXPECT_EQ(ReadRiceCoded(&r, v.size(), &out).code(), StatusCode::kDataLoss) << n;
  }
  {
    ByteReader r(bytes);  // more values asked for than the stream holds
    EXPECT_EQ(ReadRiceCoded(&r, v.size() + 1, &out).code(), StatusCode::kDataLoss);
  }
  {
    ByteReader r(bytes);  // more values than the stream has bits: refused before any allocation
    EXPECT_EQ(ReadRiceCoded(&r, size_t{1} << 40, &out).code(), StatusCode::kDataLoss);
  }
  {
    ByteReader r(bytes);  // fewer: whole bytes left over
    EXPECT_EQ(ReadRiceCoded(&r, 1, &out).code(), StatusCode::kDataLoss);
  }
  std::string bad_k = bytes;
  bad_k[0] = 32;
  ByteReader r(bad_k);
  EXPECT_EQ(ReadRiceCoded(&r, v.size(), &out).code(), StatusCode::kDataLoss);
  // k = 31 and the bits 1 1 0 then 31 zeros: the gap 2 << 31 = 2^32, one past the largest value.
  std::string overflow = std::string(1, 31) + std::string("\x05\0\0\0", 4) + std::string("\x03\0\0\0\0", 5);
  ByteReader o(overflow);
  EXPECT_EQ(ReadRiceCoded(&o, 1, &out).code(), StatusCode::kDataLoss);
  overflow[5] = 0x01;  // the bits 1 0 then 31 zeros: the gap 1 << 31, a valid value
  ByteReader valid(overflow);
  ASSERT_TRUE(ReadRiceCoded(&valid, 1, &out).ok());
  EXPECT_EQ(out, std::vector<uint32_t>{1u << 31});
}

}  // namespace
}  // namespace isnad
