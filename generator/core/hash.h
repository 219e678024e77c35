#pragma once
#include <string>
#include <string_view>

namespace fabu {

// Lower-case hex SHA-256 of the bytes.
std::string sha256_hex(std::string_view data);
// Base64 SHA-384, the form Subresource Integrity expects after "sha384-".
std::string sha384_base64(std::string_view data);
// Lower-case hex MD5: what S3 reports as the ETag of a single-part upload.
std::string md5_hex(std::string_view data);

}  // namespace fabu
