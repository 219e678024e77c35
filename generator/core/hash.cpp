#include "core/hash.h"

#include <openssl/evp.h>

#include <array>
#include <stdexcept>

namespace fabu {

namespace {
void digest(std::string_view data, const EVP_MD* algorithm, unsigned int& length,
            std::array<unsigned char, EVP_MAX_MD_SIZE>& out) {
    if (EVP_Digest(data.data(), data.size(), out.data(), &length, algorithm, nullptr) != 1)
        throw std::runtime_error("digest failed");
}

std::string to_hex(const unsigned char* bytes, unsigned int length) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(length * 2);
    for (unsigned int i = 0; i < length; ++i) {
        hex += digits[bytes[i] >> 4];
        hex += digits[bytes[i] & 0xF];
    }
    return hex;
}
}  // namespace

std::string sha256_hex(std::string_view data) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> out{};
    unsigned int length = 0;
    digest(data, EVP_sha256(), length, out);
    return to_hex(out.data(), length);
}

std::string md5_hex(std::string_view data) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> out{};
    unsigned int length = 0;
    digest(data, EVP_md5(), length, out);
    return to_hex(out.data(), length);
}

std::string sha384_base64(std::string_view data) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> out{};
    unsigned int length = 0;
    digest(data, EVP_sha384(), length, out);
    std::string encoded(4 * ((length + 2) / 3) + 1, '\0');
    int written =
        EVP_EncodeBlock(reinterpret_cast<unsigned char*>(encoded.data()), out.data(), static_cast<int>(length));
    encoded.resize(static_cast<std::size_t>(written));
    return encoded;
}

}  // namespace fabu
